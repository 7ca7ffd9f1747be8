// CriticMarkup tracked changes: {++inserted++} {--deleted--} {~~old~>new~~} {>>comment<<}.
// Views keep every offset and line break of the original, so positions found in a view are
// positions in the file: removed text is blanked with spaces, never cut out.

import { MAX_CHANGES_PER_FILE, MAX_MARKUP_PROBLEMS } from '../model/limits';

export type ChangeKind = 'insertion' | 'deletion' | 'substitution' | 'comment';

export interface ChangeSpan {
  kind: ChangeKind;
  /** Whole markup, braces included. */
  start: number;
  end: number;
  /** The text between the markers (for a substitution, old~>new). */
  contentStart: number;
  contentEnd: number;
  /** Substitutions only: offset of `~>`. */
  separator?: number;
}

export interface MalformedChange {
  start: number;
  end: number;
  message: string;
}

const OPENER = /\{(\+\+|--|~~|>>)/g;
const CLOSER: Record<string, string> = { '++': '++}', '--': '--}', '~~': '~~}', '>>': '<<}' };
const KIND: Record<string, ChangeKind> = { '++': 'insertion', '--': 'deletion', '~~': 'substitution', '>>': 'comment' };
const UNCLOSED: Record<string, string> = Object.fromEntries(
  Object.entries(CLOSER).map(([marker, closer]) => [marker, `Unclosed change: "{${marker}" has no matching "${closer}".`]),
);

export function hasChangeMarkup(text: string): boolean {
  OPENER.lastIndex = 0;
  return OPENER.test(text);
}

/**
 * `text.indexOf(needle, from)` for non-decreasing `from`, each character read once: a
 * search that found nothing, or found an occurrence at or after the new `from`, answers
 * the next one too. Without it, 30,000 unclosed `{++` each searched to the end of the text.
 */
function occurrences(text: string, needle: string): (from: number) => number {
  let searchedFrom = Infinity;
  let found = -1;
  return (from) => {
    if (from >= searchedFrom && (found === -1 || found >= from)) return found;
    searchedFrom = from;
    found = text.indexOf(needle, from);
    return found;
  };
}

export function scanChanges(text: string): { spans: ChangeSpan[]; malformed: MalformedChange[] } {
  const spans: ChangeSpan[] = [];
  const listed: MalformedChange[] = [];
  let unlisted: MalformedChange | null = null;
  let unlistedCount = 0;
  // Past a budget the problems are counted, not listed: 10 million unclosed markers are one message's worth.
  const malformed = {
    push(problem: MalformedChange): void {
      if (listed.length < MAX_MARKUP_PROBLEMS) listed.push(problem);
      else if (unlistedCount++ === 0) unlisted = problem;
    },
  };
  const closers = new Map(Object.values(CLOSER).map((closer) => [closer, occurrences(text, closer)]));
  const separators = occurrences(text, '~>');
  OPENER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = OPENER.exec(text)) !== null) {
    const marker = match[1];
    const start = match.index;
    if (spans.length >= MAX_CHANGES_PER_FILE) {
      malformed.push({ start, end: start + 3, message: `More than ${MAX_CHANGES_PER_FILE.toLocaleString('en-GB')} tracked changes: from here on the file is read as written.` });
      break;
    }
    const contentStart = start + 3;
    const closer = CLOSER[marker];
    const close = closers.get(closer)!(contentStart);
    // Another opener before our closer means nesting, which CriticMarkup does not allow.
    OPENER.lastIndex = contentStart;
    const nested = OPENER.exec(text);
    if (close === -1) {
      malformed.push({ start, end: contentStart, message: UNCLOSED[marker] });
      OPENER.lastIndex = contentStart;
      continue;
    }
    if (nested !== null && nested.index < close) {
      malformed.push({
        start: nested.index,
        end: nested.index + 3,
        message: `Nested change: "{${nested[1]}" inside "{${marker}"; CriticMarkup changes cannot be nested.`,
      });
    }
    const span: ChangeSpan = { kind: KIND[marker], start, end: close + 3, contentStart, contentEnd: close };
    if (marker === '~~') {
      const separator = separators(contentStart);
      if (separator === -1 || separator > close) {
        malformed.push({ start, end: close + 3, message: 'Substitution without "~>": write {~~old~>new~~}.' });
      } else {
        span.separator = separator;
      }
    }
    spans.push(span);
    OPENER.lastIndex = close + 3;
  }
  const first = unlisted as MalformedChange | null;
  if (first) listed.push({ start: first.start, end: first.end, message: `${unlistedCount.toLocaleString('en-GB')} more unclosed or malformed tracked-change markers from here on are not listed.` });
  return { spans, malformed: listed };
}

/** Every character but line breaks as a space: removed text keeps the offsets and lines of what follows. */
function blanked(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** The text before or after the changes, built from slices (a character array of a 30 MB text took gigabytes). */
function view(text: string, spans: readonly ChangeSpan[], side: 'before' | 'after'): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  const keep = (from: number, to: number): void => {
    if (to > from) parts.push(text.slice(from, to));
  };
  const blank = (from: number, to: number): void => {
    if (to > from) parts.push(blanked(text.slice(from, to)));
  };
  let at = 0;
  for (const span of spans) {
    keep(at, span.start);
    blank(span.start, span.contentStart);
    const removed = span.kind === 'comment' || (side === 'after' && span.kind === 'deletion') || (side === 'before' && span.kind === 'insertion');
    if (removed) {
      blank(span.contentStart, span.contentEnd);
    } else if (span.kind === 'substitution' && span.separator !== undefined) {
      if (side === 'after') {
        blank(span.contentStart, span.separator + 2);
        keep(span.separator + 2, span.contentEnd);
      } else {
        keep(span.contentStart, span.separator);
        blank(span.separator, span.contentEnd);
      }
    } else {
      keep(span.contentStart, span.contentEnd);
    }
    blank(span.contentEnd, span.end);
    at = span.end;
  }
  keep(at, text.length);
  return parts.join('');
}

/** The text as it reads once the changes are accepted, same length and line breaks as the source. */
export function afterView(text: string, spans: readonly ChangeSpan[]): string {
  return view(text, spans, 'after');
}

/** The text as it read before the changes, same length and line breaks as the source. */
export function beforeView(text: string, spans: readonly ChangeSpan[]): string {
  return view(text, spans, 'before');
}

export interface ChangeSegment {
  kind: 'text' | 'insertion' | 'deletion' | 'comment';
  text: string;
}

/** The file as a sequence of unchanged text, insertions, deletions and comments (a substitution is a deletion then an insertion). */
export function changeSegments(text: string, spans: readonly ChangeSpan[]): ChangeSegment[] {
  const segments: ChangeSegment[] = [];
  let at = 0;
  const push = (kind: ChangeSegment['kind'], from: number, to: number): void => {
    if (to > from) segments.push({ kind, text: text.slice(from, to) });
  };
  for (const span of spans) {
    push('text', at, span.start);
    if (span.kind === 'substitution' && span.separator !== undefined) {
      push('deletion', span.contentStart, span.separator);
      push('insertion', span.separator + 2, span.contentEnd);
    } else if (span.kind === 'substitution') {
      push('text', span.start, span.end); // malformed: shown as written
    } else {
      push(span.kind, span.contentStart, span.contentEnd);
    }
    at = span.end;
  }
  push('text', at, text.length);
  return segments;
}

/** The text with every change accepted and the markup removed (what `secls apply` prints). */
export function acceptChanges(text: string, spans: readonly ChangeSpan[]): string {
  return changeSegments(text, spans)
    .filter((segment) => segment.kind === 'text' || segment.kind === 'insertion')
    .map((segment) => segment.text)
    .join('');
}
