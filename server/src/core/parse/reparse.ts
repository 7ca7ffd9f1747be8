// Re-parsing after an edit, in place: typing in a clause's wording or at the start of a line,
// splitting or joining lines of text, renumbering a clause within its Part (onto a free number
// or one the Part already has). The edited lines are read again with the parser's own line
// classifier (editedLines.ts); when they still make what they made, the units keep their ids
// (but a renumbered clause's and its paragraphs') and only move, the references and defined
// terms around the edited lines are read again, and the references outside that window move
// in place, so that whatever was worked out for them stays attached. The previous model is
// updated, not copied: it is being replaced. Anything that cannot be proved safe returns null,
// and the caller parses the whole text. Property tests check the result always equals a full
// parse (test/unit/reparse.test.ts).
import type { CoreDiagnostic, ParsedDocument, Reference, ReferenceWindow, Unit } from '../model/types';
import { hasChangeMarkup } from '../text/criticMarkup';
import { parseDefinitions } from './definitions';
import { INSTRUCTION_VERBS } from './instructions';
import { ChangedSpan, EditedLines, editedLines } from './editedLines';
import { lastUnitBefore } from './resumedClassifier';
import { isLineBreak, lineNumbersAt, lineStartAt, newLineSpan, readLine, hasLoneCarriageReturn } from './lines';
import { duplicateMessage } from './numbering';
import type { ParseOptions } from './parseDocument';
import { rootDocumentId } from '../model/ids';
import { MAX_REFERENCES_PER_FILE } from '../model/limits';
import { CONTEXT_LOOKBACK, documentNamedBefore, scanReferences } from './references';
import { isLetter } from './scanner';
import { applyRenumbering, renumbering } from './renumbering';
import { documentLookup } from './structure';

const HEADING_KINDS = new Set(['section', 'schedule', 'appendix', 'modification']);
const BULLET_LINE = /(?:^|\n)[ \t]*[\u2022\u00b7\u25aa\u25e6*-]/;
/** A markup opener ("{++") that overlaps an edit reaches this many characters beyond it, at most. */
const MARKUP_OPENER_REACH = 2;

/** An edit as an editor reports it: `start`..`end` of the previous text replaced by `newLength` characters. */
export interface TextEdit {
  start: number;
  end: number;
  newLength: number;
}

/** What an in-place re-parse changed: the ids that stopped or started being defined (all other units kept theirs). */
export interface ReparseChange {
  removed: string[];
  added: string[];
  /** The references cite the same targets as before. */
  sameTargets: boolean;
  /** Which references were read again: all others are the previous parse's objects, moved. */
  window: ReferenceWindow;
}

export interface Reparsed {
  parsed: ParsedDocument;
  change: ReparseChange;
}

/**
 * The previous parse updated to `text`, or null when the whole text must be parsed again.
 * `edit`, when given, says where the previous text changed (otherwise the texts are compared).
 */
export function reparse(previous: ParsedDocument, text: string, options: ParseOptions, edit?: TextEdit): Reparsed | null {
  const old = previous.text;
  // A document never parsed (too large: it has no context, not even the text's start) has nothing to update.
  if (previous.contexts.length === 0 || previous.instructions.length > 0 || previous.deleted.length > 0) return null;
  // A file over a budget is parsed whole: the budget is the whole file's.
  if (previous.diagnostics.some((diagnostic) => diagnostic.code === 'file-too-large')) return null;
  // Lone carriage returns are read as line feeds (lines.ts): such rare texts are parsed whole.
  if (hasLoneCarriageReturn(old) || hasLoneCarriageReturn(text)) return null;
  const span = changedSpan(old, text, edit);
  // The rest of the new text is the old text's, which has no markup when the old text has none.
  if (hasChangeMarkup(old) || hasChangeMarkup(text.slice(Math.max(0, span.start - MARKUP_OPENER_REACH), span.newEnd + MARKUP_OPENER_REACH))) return null;
  const lines = editedLines(previous, text, span);
  if (!lines || INSTRUCTION_VERBS.test(text.slice(lines.start, lines.newEnd)) || inContents(previous, lines)) return null;
  const window = referenceWindow(previous, lines);
  const delta = span.newEnd - span.oldEnd;
  if (!window || BULLET_LINE.test(text.slice(window.start, window.end + delta))) return null;
  if (readsBackIntoEdit(previous.references, window.end, span, text, options)) return null;
  const oldLookup = documentLookup(previous.contexts);
  // Headings are not edited: where a new offset lies in the old text is all the lookup needs.
  const documentAt = (offset: number) => oldLookup(offset >= span.newEnd ? offset - delta : Math.min(offset, span.start));
  // No heading or table of contents is edited: those in the window are before the edit or after it.
  const skip = window.skip.map((region) => (region.start >= span.oldEnd ? { start: region.start + delta, end: region.end + delta } : region));
  const fresh = scanReferences(text, { names: options.names, documentAt, skip, from: window.start, to: window.end + delta });
  if (fresh.some((reference) => reference.end > window.end + delta)) return null;
  // At the budget a full parse drops every citation (parseDocument.ts): it decides.
  if (previous.references.length + fresh.length > MAX_REFERENCES_PER_FILE) return null;
  return update(previous, text, span, lines, window, fresh);
}

/**
 * Do the edited lines touch a table of contents, or the line that ends one? Lines there are
 * read by the contents' own rules (the classifier does not know them); the rest of the text is
 * read as if there were none.
 */
function inContents(previous: ParsedDocument, lines: EditedLines): boolean {
  return previous.contents.some((region) => lines.oldEnd >= region.start && lines.start <= region.end);
}

/** How far an added or removed line break is moved back over the line breaks before it (a "\r\n" is two). */
const LONGEST_LINE_BREAK_SLIDE = 2;

/**
 * The span that changed: the edit's range (or the whole text), less what it left as it was at
 * either end. A line break added or removed after a line break is taken as the one before it:
 * Enter at the start of a clause's line, or Backspace after a blank line, then touches the
 * line before and the blank line, not the clause's.
 */
export function changedSpan(old: string, text: string, edit?: TextEdit): ChangedSpan {
  const fits = edit !== undefined && edit.start >= 0 && edit.start <= edit.end && edit.end <= old.length && edit.newLength >= 0 &&
    old.length - (edit.end - edit.start) + edit.newLength === text.length;
  let start = fits ? edit.start : 0;
  let oldEnd = fits ? edit.end : old.length;
  let newEnd = fits ? edit.start + edit.newLength : text.length;
  while (start < oldEnd && start < newEnd && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  // Text only added or only removed reads the same one character earlier when it ends with the character before it.
  const [changed, end] = oldEnd > start ? [old, oldEnd] : [text, newEnd];
  const addedOrRemoved = (oldEnd === start) !== (newEnd === start);
  for (let slid = 0; addedOrRemoved && slid < LONGEST_LINE_BREAK_SLIDE && start > 0; slid++) {
    const last = changed.charCodeAt(end - slid - 1);
    if (!isLineBreak(last) || old.charCodeAt(start - 1) !== last) break;
    start--;
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** How far back the window may reach for the start of a citation that runs into it before a full parse is cheaper. */
const LONGEST_CITATION_BACK = 1000;

/** Where the references are read again, in the old text, and what is not read there: heading labels and tables of contents. */
interface ReferenceWindowSpan {
  start: number;
  end: number;
  skip: Array<{ start: number; end: number }>;
}

/**
 * The old text's window whose references are read again: the edited lines, the lines around
 * them, and the citations that reach into them, from their start; and the heading labels and
 * tables of contents in it (they define or list, they do not cite).
 */
function referenceWindow(previous: ParsedDocument, lines: EditedLines): ReferenceWindowSpan | null {
  const old = previous.text;
  const references = previous.references;
  const line = newLineSpan();
  let start = lines.start > 0 ? lineStartAt(old, lines.start - 1) : 0;
  readLine(old, lineStartAt(old, lines.oldEnd), line);
  if (line.next !== -1) readLine(old, line.next, line);
  let end = line.end;
  let first = references.length;
  for (let i = 0; i < references.length; i++) {
    const reference = references[i];
    if (extentEnd(reference) >= start && reference.start <= end) {
      if (first === references.length) first = i;
      end = Math.max(end, extentEnd(reference));
    }
  }
  // A citation may run on over lines ("Sections H4.1, H4.2 and" / "H4.3"): its later members are
  // bare ids, and the window starts where it does, at the keyword of its first.
  while (first > 0 && first < references.length && !startsWithWord(old, references[first].start) && references[first].start > 0) first--;
  if (first < references.length) start = Math.min(start, references[first].start);
  if (lines.start - start > LONGEST_CITATION_BACK) return null;
  const units = previous.units;
  const skip = previous.contents.filter((region) => region.end > start && region.start <= end);
  for (let i = lastUnitBefore(units, start) + 1; i < units.length && units[i].labelStart <= end; i++) {
    if (HEADING_KINDS.has(units[i].kind)) skip.push({ start: units[i].labelStart, end: units[i].labelEnd });
  }
  return { start, end, skip: skip.sort((a, b) => a.start - b.start) };
}

/**
 * Does a reference after the window take its document from text the edit changed? A clause
 * number that names no document looks back for one (references.ts, documentNamedBefore):
 * typing a document's name may resolve it, deleting one may make it ambiguous again. Each of
 * the few such references close after the edit is asked again on the new text.
 */
function readsBackIntoEdit(references: readonly Reference[], windowEnd: number, span: ChangedSpan, text: string, options: ParseOptions): boolean {
  let low = 0;
  let high = references.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (references[mid].start > windowEnd) high = mid;
    else low = mid + 1;
  }
  const delta = span.newEnd - span.oldEnd;
  for (let i = low; i < references.length && references[i].start - span.oldEnd <= CONTEXT_LOOKBACK; i++) {
    const reference = references[i];
    if (reference.kind !== 'ambiguous' && !reference.documentNamedBefore) continue;
    const before = reference.documentNamedBefore ? rootDocumentId(reference.target!) : null;
    if (documentNamedBefore(text, reference.start + delta, options.names) !== before) return true;
  }
  return false;
}

/** Where the text a reference was read from ends: its cited title may follow it. */
function extentEnd(reference: Reference): number {
  return reference.title ? Math.max(reference.end, reference.title.start + reference.title.raw.length + 1) : reference.end;
}

/** A keyword (Section, SEC, Appendices...) starts a citation; ids (H4.3, AK, 4.2) may continue one. */
function startsWithWord(text: string, at: number): boolean {
  return isLetter(text.charCodeAt(at)) && isLetter(text.charCodeAt(at + 1)) && isLetter(text.charCodeAt(at + 2));
}

/** Applies the edit to the previous parse, which has been found safe to update. */
function update(previous: ParsedDocument, text: string, span: ChangedSpan, lines: EditedLines, window: ReferenceWindowSpan,
  fresh: Reference[]): Reparsed {
  const delta = span.newEnd - span.oldEnd;
  const shift = (offset: number): number => (offset >= span.oldEnd ? offset + delta : offset);
  moveUnits(previous.units, span, lines, text);
  // The first context is the text's start, which stays where it is.
  for (let i = 1; i < previous.contexts.length; i++) previous.contexts[i].start = shift(previous.contexts[i].start);
  let diagnostics = moveDiagnostics(previous.diagnostics, span, lines, text);
  let units = previous.units;
  let firstDefinitions = previous.firstDefinitions;
  const renumbered = lines.renumbered ? renumbering(units, lines.renumbered.clause, lines.renumbered.label) : null;
  if (renumbered) ({ units, firstDefinitions, diagnostics } = applyRenumbering(renumbered, text, units, firstDefinitions, diagnostics));
  const { references, replaced, before } = spliceReferences(previous.references, window, delta, fresh);
  const parsed: ParsedDocument = {
    text, units, definitions: [], references, diagnostics,
    contents: previous.contents.map((region) => ({ start: shift(region.start), end: shift(region.end) })),
    contexts: previous.contexts, firstDefinitions, deleted: [], instructions: [],
  };
  // A definition's scope, pointer and wrapped words reach beyond its line: they are read again
  // over the whole text (one pass over its lines, about a millisecond for a 400 KB file).
  parsed.definitions = parseDefinitions(text, { units, contexts: parsed.contexts, skip: parsed.contents });
  return {
    parsed,
    change: {
      removed: renumbered ? renumbered.removed : [],
      added: renumbered ? renumbered.added : [],
      sameTargets: sameTargets(replaced, fresh),
      window: { before, removed: replaced.length, added: fresh.length },
    },
  };
}

/**
 * Everything after the edit moves; a unit that ended at the last non-blank line up to the end
 * of the edited ones was closed after them, and ends where that line now ends.
 */
function moveUnits(units: Unit[], span: ChangedSpan, lines: EditedLines, text: string): void {
  const delta = span.newEnd - span.oldEnd;
  // Indexed loops here and below: this runs once per keystroke over thousands of units, often
  // before V8 has compiled it, and an iterator allocates a result per step until it has.
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (unit.end === lines.oldContentEnd) unit.end = lines.newContentEnd;
    else if (unit.end >= span.oldEnd) unit.end += delta;
    if (unit.start >= span.oldEnd) {
      unit.start += delta;
      unit.labelStart += delta;
      unit.labelEnd += delta;
    }
    // Blank lines between a cross-heading and its clause may be edited.
    if (unit.crossHeading && unit.crossHeading.start >= span.oldEnd) {
      unit.crossHeading.start += delta;
      unit.crossHeading.end += delta;
    }
  }
  const heading = lines.crossHeading;
  if (heading) units[lastUnitBefore(units, lines.newEnd) + 1].crossHeading = { text: text.slice(heading.start, heading.end), ...heading };
}

/** The diagnostics, moved; a duplicate's warning names its first definition's line, which moves when lines are added or removed. */
function moveDiagnostics(diagnostics: readonly CoreDiagnostic[], span: ChangedSpan, lines: EditedLines, text: string): CoreDiagnostic[] {
  const delta = span.newEnd - span.oldEnd;
  const shift = (offset: number): number => (offset >= span.oldEnd ? offset + delta : offset);
  const moved = diagnostics.map((diagnostic) => {
    // Text typed right after a label (the end of its diagnostic) is not part of it.
    const end = diagnostic.end > span.start ? shift(diagnostic.end) : diagnostic.end;
    const result = { ...diagnostic, start: shift(diagnostic.start), end };
    // A duplicate's warning remembers where the first definition is (for its quick fix).
    if (typeof diagnostic.data?.firstStart === 'number') result.data = { ...diagnostic.data, firstStart: shift(diagnostic.data.firstStart) };
    return result;
  });
  if (lines.lineDelta === 0) return moved;
  const renamed = moved.filter((d) => d.code === 'duplicate-number' && (d.data!.firstStart as number) > lines.newEnd);
  const firstStarts = renamed.map((d) => d.data!.firstStart as number).sort((a, b) => a - b);
  const numbers = lineNumbersAt(text, firstStarts);
  for (const d of renamed) d.message = duplicateMessage(d.data!.id as string, numbers[firstStarts.indexOf(d.data!.firstStart as number)]);
  return moved;
}

/**
 * The references before and after the window are the previous parse's objects, those after
 * moved in place: they keep their resolutions (and the diagnostics worked out for them) in the
 * index. Those in the window are replaced by the fresh ones.
 */
function spliceReferences(previous: Reference[], window: { start: number; end: number }, delta: number, fresh: Reference[]):
  { references: Reference[]; replaced: Reference[]; before: number } {
  const before = previous.filter((reference) => reference.end < window.start);
  const after = previous.filter((reference) => reference.start > window.end);
  for (let i = 0; i < after.length; i++) {
    const reference = after[i];
    reference.start += delta;
    reference.end += delta;
    if (reference.title) reference.title.start += delta;
  }
  const replaced = previous.slice(before.length, previous.length - after.length);
  return { references: [...before, ...fresh, ...after], replaced, before: before.length };
}

/** Do the re-read references cite exactly what the ones they replace cited? */
function sameTargets(before: readonly Reference[], after: readonly Reference[]): boolean {
  if (before.length !== after.length) return false;
  const targets = (references: readonly Reference[]) => references.map((reference) => reference.target ?? '').sort().join('\n');
  return targets(before) === targets(after);
}
