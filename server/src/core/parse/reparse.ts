// Re-parsing after an edit that stays inside one line and cannot change the structure: the
// units keep their ids and only move; the references and defined terms around the line are
// read again. Anything it cannot prove safe returns null, and the caller parses the whole
// text. A property test checks the result always equals a full parse.
import type { DefinedTerm, ParsedDocument, Reference, Unit } from '../model/types';
import { hasChangeMarkup } from '../text/criticMarkup';
import { parseDefinitions } from './definitions';
import type { ParseOptions } from './parseDocument';
import { scanReferences } from './references';
import { lineEndClass, mayStartUnit } from './structure';

const HEADING_KINDS = new Set(['section', 'schedule', 'appendix', 'modification']);
const INSTRUCTION_VERBS = /Insert|Delete|replace|Renumber/;
const BULLET_LINE = /(?:^|\n)[ \t]*[\u2022\u00b7\u25aa\u25e6*-]/;

function contentEnd(text: string, lineStart: number, lineEnd: number): number {
  let end = lineEnd;
  while (end > lineStart && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

function lineEndAt(text: string, from: number): number {
  const at = text.indexOf('\n', from);
  return at === -1 ? text.length : at;
}

/** The Schedule or Appendix around an offset, from the units (as the full parse's contexts give it). */
function documentLookup(units: readonly Unit[]): (offset: number) => string | null {
  return (offset) => {
    let found: Unit | undefined;
    for (const unit of units) {
      if (unit.start > offset) break;
      if (HEADING_KINDS.has(unit.kind)) found = unit;
    }
    if (!found || found.kind === 'section' || found.kind === 'modification') return null;
    return found.id.replace(/ v[\d.]+$/, '');
  };
}

export function reparse(previous: ParsedDocument, text: string, options: ParseOptions): ParsedDocument | null {
  const old = previous.text;
  if (previous.contents.length > 0 || previous.instructions.length > 0 || previous.deleted.length > 0) return null;
  if (hasChangeMarkup(old) || hasChangeMarkup(text)) return null;
  const shorter = Math.min(old.length, text.length);
  let p = 0;
  while (p < shorter && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < shorter - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  const delta = newEnd - oldEnd;
  if (old.slice(p, oldEnd).search(/[\r\n]/) !== -1 || text.slice(p, newEnd).search(/[\r\n]/) !== -1) return null;

  const lineStart = old.lastIndexOf('\n', p - 1) + 1;
  const oldLineEnd = lineEndAt(old, oldEnd);
  const newLineEnd = lineEndAt(text, newEnd);
  if (lineEndClass(old, lineStart, oldLineEnd) !== lineEndClass(text, lineStart, newLineEnd)) return null;
  if (INSTRUCTION_VERBS.test(text.slice(lineStart, newLineEnd))) return null;

  const units = previous.units;
  // A unit's own line may change only after its number (and not where "[Not used]" is read).
  let labelLine: Unit | undefined;
  for (const unit of units) {
    if (unit.labelStart >= lineStart && unit.labelStart <= oldLineEnd) labelLine = unit;
    if (unit.crossHeading && unit.crossHeading.start < oldLineEnd && unit.crossHeading.end >= lineStart) return null;
  }
  if (labelLine) {
    if (labelLine.kind !== 'clause' && labelLine.kind !== 'paragraph' && !(labelLine.kind === 'docClause' && labelLine.label.includes('.'))) return null;
    if (p <= labelLine.labelEnd) return null;
    const oldRest = contentEnd(old, labelLine.labelEnd, oldLineEnd) - labelLine.labelEnd;
    const newRest = contentEnd(text, labelLine.labelEnd, newLineEnd) - labelLine.labelEnd;
    if (oldRest <= 60 || newRest <= 60) return null;
  } else if (mayStartUnit(old, lineStart) || mayStartUnit(text, lineStart)) {
    return null;
  }

  // The window whose references are read again: the line, the lines around it, and any
  // reference that reaches into them.
  let w0 = lineStart > 0 ? old.lastIndexOf('\n', lineStart - 2) + 1 : 0;
  let w1 = oldLineEnd < old.length ? lineEndAt(old, oldLineEnd + 1) : old.length;
  for (const reference of previous.references) {
    if (reference.end >= w0 && reference.start <= w1) {
      w0 = Math.min(w0, reference.start);
      w1 = Math.max(w1, reference.end);
    }
  }
  for (const unit of units) {
    if (HEADING_KINDS.has(unit.kind) && unit.labelStart >= w0 && unit.labelStart <= w1) return null;
  }
  if (BULLET_LINE.test(text.slice(w0, w1 + delta))) return null;

  const fresh = scanReferences(text, { names: options.names, documentAt: documentLookup(units), skip: [], from: w0, to: w1 + delta });
  if (fresh.some((reference) => reference.end > w1 + delta)) return null;

  // Everything after the edit moves by delta; the edited line's own content end moves to its new end.
  const oldContentEnd = contentEnd(old, lineStart, oldLineEnd);
  const newContentEnd = contentEnd(text, lineStart, newLineEnd);
  const shift = (offset: number): number => (offset >= oldEnd ? offset + delta : offset);
  for (const unit of units) {
    unit.end = unit.end === oldContentEnd ? newContentEnd : shift(unit.end);
    if (unit.start >= oldEnd) {
      unit.start += delta;
      unit.labelStart += delta;
      unit.labelEnd += delta;
      if (unit.crossHeading) {
        unit.crossHeading.start += delta;
        unit.crossHeading.end += delta;
      }
    }
  }
  const shifted = <T extends { start: number; end: number }>(item: T): T => ({ ...item, start: shift(item.start), end: shift(item.end) });
  const references: Reference[] = [
    ...previous.references.filter((reference) => reference.end < w0),
    ...fresh,
    ...previous.references.filter((reference) => reference.start > w1).map((reference) => {
      const moved = shifted(reference);
      if (reference.title) moved.title = { ...reference.title, start: reference.title.start + delta };
      return moved;
    }),
  ];
  const lineTerms = parseDefinitions(text.slice(lineStart, newLineEnd), []).map((term) => ({
    ...term, start: term.start + lineStart, end: term.end + lineStart, definitionEnd: term.definitionEnd + lineStart,
  }));
  const definitions: DefinedTerm[] = [
    ...previous.definitions.filter((term) => term.end <= lineStart),
    ...lineTerms,
    ...previous.definitions.filter((term) => term.start > oldLineEnd).map((term) => ({ ...shifted(term), definitionEnd: shift(term.definitionEnd) })),
  ];
  return {
    text,
    units,
    definitions,
    references,
    diagnostics: previous.diagnostics.map(shifted),
    contents: [],
    firstDefinitions: previous.firstDefinitions,
    deleted: [],
    instructions: [],
  };
}
