// CriticMarkup tracked changes: {++inserted++} {--deleted--} {~~old~>new~~} {>>comment<<}.
// Views keep every offset and line break of the original, so positions found in a view are
// positions in the file: removed text is blanked with spaces, never cut out.

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
  const malformed: MalformedChange[] = [];
  const closers = new Map(Object.values(CLOSER).map((closer) => [closer, occurrences(text, closer)]));
  const separators = occurrences(text, '~>');
  OPENER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = OPENER.exec(text)) !== null) {
    const marker = match[1];
    const start = match.index;
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
  return { spans, malformed };
}

function blank(chars: string[], text: string, from: number, to: number): void {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) chars[i] = ' ';
}

function view(text: string, spans: readonly ChangeSpan[], side: 'before' | 'after'): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const span of spans) {
    blank(chars, text, span.start, span.contentStart);
    blank(chars, text, span.contentEnd, span.end);
    const removed =
      span.kind === 'comment' ||
      (side === 'after' && span.kind === 'deletion') ||
      (side === 'before' && span.kind === 'insertion');
    if (removed) blank(chars, text, span.contentStart, span.contentEnd);
    if (span.kind === 'substitution' && span.separator !== undefined) {
      if (side === 'after') blank(chars, text, span.contentStart, span.separator + 2);
      else blank(chars, text, span.separator, span.contentEnd);
    }
  }
  return chars.join('');
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
