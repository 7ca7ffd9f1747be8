// Defined terms, in the forms the Code uses (docs/format.md, "Defined terms"):
//   - a definitions table reflowed as text: `Smart Metering Inventory means ...` at a line's start;
//   - quoted: `"Term" means ...`, `“Term” has the meaning given in ...`;
//   - inline: `(the "Term")`, `("Term")`; unquoted in brackets: `... to this Code (an Applicant)`.
// Then each definition's scope (a lead-in "In this Section H14:" or an Appendix's text makes it
// local) and its pointer ("has the meaning given to that expression in Section H14.1").
// Linear: lines are read once, every pattern is anchored or bounded, scopes are found by a
// binary search and memoised per clause.

import type { DefinedTerm, DocumentContext, Reference, Unit } from '../model/types';
import { countBefore } from '../text/sorted';
import { CONNECTORS } from '../text/termWords';
import { lineEndAt } from './lines';
import { contextIndexAt } from './structure';

type Scope = NonNullable<DefinedTerm['scope']>;

export interface DefinitionSources {
  units: readonly Unit[];
  contexts: readonly DocumentContext[];
  /** Regions that define nothing (tables of contents), in order. */
  skip: ReadonlyArray<{ start: number; end: number }>;
}

const WORD = `[A-Z][A-Za-z\\u00c0-\\u024f0-9'\\u2019&-]*`;
const INNER = `(?:[A-Z0-9][A-Za-z\\u00c0-\\u024f0-9'\\u2019&-]*|of|and|for|the|to|in|on|or|by|with|under|from|at|&)`;
const VERB = `means|has the meaning|have the meaning|shall have the meaning|shall mean|is defined in`;
/** A table row: up to 12 words at the line's start, then a verb after spaces or a tab. */
/** "Commissioned, in relation to a Device, means": what the term is said of, between it and its verb. */
const QUALIFIER = `(?:,?[ \\t]+in[ \\t]+(?:relation|respect)[ \\t]+(?:to|of)[ \\t]+[^,;\\n]{1,80},?)?`;
const TABLE_ROW = new RegExp(`(${WORD}(?:[ \\t]+${INNER}){0,11})${QUALIFIER}[ \\t]+(?:${VERB})\\b`, 'y');
const ANY_VERB = new RegExp(`\\b(?:${VERB})\\b`, 'g');
/** A term alone on its line (a table's cells read one after the other), its verb starting the next. */
const TERM_LINE = new RegExp(`^(${WORD}(?:[ \\t]+${INNER}){0,11})[ \\t]*$`);
const VERB_FIRST = new RegExp(`^[ \\t]*(?:${VERB})\\b`);
const QUOTED = new RegExp(`["\\u201c]([A-Z][^"\\u201c\\u201d\\n]{0,99})["\\u201d][ \\t]+(?:${VERB})\\b`, 'g');
/** `("Term")`, `(the "Term")`, `(such a person being the "Term")`: a bracket that closes on the quoted term. */
const INLINE = /\((?:[^()"\u201c\u201d\n]{0,80}?[ \t,])?["\u201c]([A-Z][^"\u201c\u201d\n]{0,99})["\u201d]\)/g;
const PARENTHETICAL = /\((?:the|an|a|each a|each an)[ \t]+([A-Z][A-Za-z'\u2019-]*(?:[ \t]+(?:[A-Z][A-Za-z'\u2019-]*|of|and|for|the|to|in|on)){0,5})\)/g;
const POINTER = /^[ \t]*(?:has the meaning|have the meaning|shall have the meaning|is defined)(?:[ \t]+(?:given|set out|ascribed|assigned))?(?:[ \t]+to[ \t]+(?:that expression|that term|it|them))?[ \t]+in\b/;
const LEAD_IN = /\b(?:In|For the purposes of) this (Section|Part|Appendix|Schedule|Annex|document|Clause|Code)(?:[ \t]+([A-Z]\d{1,2}[A-Z]?|[A-Z]{1,2}(?![a-z])|\d{1,2}))?/;
const CONTINUATION = /^[ \t]*((?:[A-Z][A-Za-z'\u2019-]*)(?:[ \t]+[A-Z][A-Za-z'\u2019-]*){0,3})(?=[ \t]*$|[ \t]+[a-z(]|[,;.:])/;

/** Words that start sentences, not terms: "The DCC means" is prose. */
const NOT_FIRST = new Set(['The', 'This', 'That', 'These', 'Those', 'Each', 'Any', 'A', 'An', 'It', 'If', 'In', 'Where', 'For', 'Subject', 'Such', 'No', 'Section', 'Part', 'Schedule', 'Appendix', 'Clause', 'Paragraph']);
const MAX_DEFINITION_LINES = 12;
/** The Code defines about a thousand terms: a file defining ten times as many is not a glossary, and the rest are not read. */
const MAX_DEFINITIONS_PER_FILE = 10000;
const LEAD_IN_REACH = 300;

/**
 * The clause a pointer definition names ("has the meaning given to that expression in Section
 * H14.1"): the first reference written at or after `pointerFrom` and before the definition ends,
 * in the file's references (sorted by start).
 */
export function pointerReference(references: readonly Reference[], definition: DefinedTerm): Reference | undefined {
  const from = definition.pointerFrom;
  if (from === undefined) return undefined;
  for (let i = countBefore(references, (reference) => reference.start < from); i < references.length && references[i].start < definition.definitionEnd; i++) {
    if (!references[i].viaRange) return references[i];
  }
  return undefined;
}

export function parseDefinitions(text: string, sources: DefinitionSources): DefinedTerm[] {
  const reader = new DefinitionReader(text, sources);
  return reader.read();
}

class DefinitionReader {
  private readonly terms: DefinedTerm[] = [];
  private unitStarts: number[] | null = null;
  /** Clause index → the scope its lead-in gives (null: none). */
  private readonly leadIns = new Map<number, Scope | null>();

  constructor(private readonly text: string, private readonly sources: DefinitionSources) {}

  read(): DefinedTerm[] {
    this.tableRows();
    const quoted = this.text.includes('"') || this.text.includes('\u201c');
    if (quoted) this.matches(QUOTED, 'quoted');
    if (quoted) this.matches(INLINE, 'inline');
    if (this.text.includes('(')) this.matches(PARENTHETICAL, 'parenthetical');
    const terms = this.terms.sort((a, b) => a.start - b.start);
    if (terms.length > MAX_DEFINITIONS_PER_FILE) terms.length = MAX_DEFINITIONS_PER_FILE;
    for (let i = 0; i < terms.length; i++) this.complete(terms[i], terms[i + 1]);
    return terms;
  }

  /** Every line that starts with a capitalised word and goes on to "means" is a table row. */
  /**
   * A row has a verb ("means"): the lines read are those with one (and, for a term alone on its
   * line, the line before one that starts with it), found by one search through the text.
   */
  private tableRows(): void {
    const text = this.text;
    let region = 0;
    const skip = this.sources.skip;
    let lastLine = -1;
    const row = (start: number): void => {
      if (start <= lastLine) return;
      lastLine = start;
      const end = lineEndAt(text, start);
      let first = start;
      while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
      const code = text.charCodeAt(first);
      if (!(code >= 65 && code <= 90) || end - first <= 6) return;
      while (region < skip.length && skip[region].end <= first) region++;
      if (region >= skip.length || skip[region].start > first) this.tableRow(first, end);
    };
    ANY_VERB.lastIndex = 0;
    let match: RegExpExecArray | null;
    let lineEnd = -1;
    while ((match = ANY_VERB.exec(text)) !== null) {
      // One look at each line however many verbs it has.
      if (match.index <= lineEnd) continue;
      lineEnd = lineEndAt(text, match.index);
      const lineStart = text.lastIndexOf('\n', match.index - 1) + 1;
      // A verb that starts its line may follow a term alone on the line before.
      if (lineStart > 0 && text.slice(lineStart, match.index).trim() === '') row(text.lastIndexOf('\n', lineStart - 2) + 1);
      row(lineStart);
    }
  }

  private tableRow(first: number, lineEnd: number): void {
    TABLE_ROW.lastIndex = first;
    let match = TABLE_ROW.exec(this.text);
    if (!match || match.index + match[0].length > lineEnd) match = this.termAlone(first, lineEnd);
    if (!match) return;
    const term = trimConnectors(match[1]);
    const words = term.split(/[ \t]+/);
    if (NOT_FIRST.has(words[0]) || /\d\.\d/.test(term)) return;
    const definition: DefinedTerm = { term: term.replace(/[ \t]+/g, ' '), start: first, end: first + term.length, definitionEnd: lineEnd, form: 'table' };
    const continuation = this.continuationAfter(lineEnd);
    if (continuation) definition.continuation = continuation;
    this.terms.push(definition);
  }

  /** A line that is only a term, when the next line starts with "means" (a table's cells read one per line). */
  private termAlone(first: number, lineEnd: number): RegExpExecArray | null {
    if (lineEnd + 1 >= this.text.length || lineEnd - first > 150) return null;
    const next = this.text.slice(lineEnd + 1, Math.min(this.text.length, lineEnd + 60));
    if (!VERB_FIRST.test(next)) return null;
    return TERM_LINE.exec(this.text.slice(first, lineEnd));
  }

  /** The capitalised words that start the next line, when that line is not a row of its own. */
  private continuationAfter(lineEnd: number): DefinedTerm['continuation'] | undefined {
    const next = lineEnd + 1;
    if (next >= this.text.length) return undefined;
    const nextEnd = lineEndAt(this.text, next);
    const line = this.text.slice(next, Math.min(nextEnd, next + 200));
    const match = CONTINUATION.exec(line);
    if (!match) return undefined;
    TABLE_ROW.lastIndex = next + match[0].length - match[1].length;
    const row = TABLE_ROW.exec(this.text);
    if (row && row.index + row[0].length <= nextEnd) return undefined;
    const start = next + match[0].length - match[1].length;
    return { text: match[1].replace(/[ \t]+/g, ' '), start, end: start + match[1].length };
  }

  private matches(pattern: RegExp, form: DefinedTerm['form']): void {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    let region = 0;
    const skip = this.sources.skip;
    // Matches come in order: a line's end is looked for once per line, not once per definition on it.
    let lineEnd = -1;
    while ((match = pattern.exec(this.text)) !== null) {
      while (region < skip.length && skip[region].end <= match.index) region++;
      if (region < skip.length && skip[region].start <= match.index) continue;
      const term = form === 'parenthetical' ? trimConnectors(match[1]) : match[1].trim();
      if (term.length === 0 || (form === 'parenthetical' && NOT_FIRST.has(term.split(' ')[0]))) continue;
      const start = match.index + match[0].indexOf(match[1]);
      if (start > lineEnd) lineEnd = lineEndAt(this.text, start);
      this.terms.push({ term: term.replace(/\s+/g, ' '), start, end: start + term.length, definitionEnd: lineEnd, form });
    }
  }

  /** The definition's end, pointer and scope. */
  private complete(term: DefinedTerm, next: DefinedTerm | undefined): void {
    if (term.form === 'table') term.definitionEnd = this.tableDefinitionEnd(term, next);
    const after = term.form === 'quoted' ? this.text.indexOf(' ', term.end) : term.end;
    if (term.form === 'table' || term.form === 'quoted') {
      const pointer = POINTER.exec(this.text.slice(after, Math.min(term.definitionEnd, after + 120)));
      if (pointer) term.pointerFrom = after + pointer[0].length;
    }
    const scope = this.scopeAt(term.start);
    if (scope) term.scope = scope;
  }

  /** A row's text runs on over the lines that follow it, up to a blank line or the next row. */
  private tableDefinitionEnd(term: DefinedTerm, next: DefinedTerm | undefined): number {
    let end = term.definitionEnd;
    for (let lines = 1; lines < MAX_DEFINITION_LINES && end + 1 < this.text.length; lines++) {
      const nextEnd = lineEndAt(this.text, end + 1);
      if (next && next.start <= nextEnd) break;
      if (this.text.slice(end + 1, nextEnd).trim() === '') break;
      end = nextEnd;
    }
    return end;
  }

  /** The unit a definition applies in: a lead-in's ("In this Part A2:"), or the Appendix or Schedule it is in. */
  private scopeAt(offset: number): DefinedTerm['scope'] | undefined {
    const clause = this.enclosingClause(offset);
    if (clause !== -1) {
      let scope = this.leadIns.get(clause);
      if (scope === undefined) {
        scope = this.leadInScope(clause);
        this.leadIns.set(clause, scope);
      }
      if (scope !== null) return scope.id === '' ? undefined : scope;
    }
    const contexts = this.sources.contexts;
    if (contexts.length === 0) return undefined;
    const at = contextIndexAt(contexts, offset);
    const document = contexts[at].document;
    if (!document || !(document.startsWith('Appendix') || document.startsWith('Schedule'))) return undefined;
    return { id: document, start: contexts[at].start, end: at + 1 < contexts.length ? contexts[at + 1].start : this.text.length };
  }

  /** The clause (or document clause) holding an offset, or -1. */
  private enclosingClause(offset: number): number {
    const units = this.sources.units;
    if (units.length === 0) return -1;
    this.unitStarts ??= units.map((unit) => unit.start);
    let low = 0;
    let high = units.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.unitStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    for (let index = low; index !== -1; index = units[index].parent) {
      const unit = units[index];
      if (unit.start > offset) continue;
      if (unit.kind === 'clause' || unit.kind === 'docClause') return unit.end >= offset ? index : -1;
    }
    return -1;
  }

  /** The scope a clause's lead-in names: `{id: ''}` for "In this Code" (the whole Code), null for none. */
  private leadInScope(clauseIndex: number): Scope | null {
    const units = this.sources.units;
    const clause = units[clauseIndex];
    const match = LEAD_IN.exec(this.text.slice(clause.start, Math.min(clause.end, clause.start + LEAD_IN_REACH)));
    if (!match) return null;
    const [, kind, number] = match;
    if (kind === 'Code') return { id: '', start: 0, end: 0 };
    if (kind === 'Clause') return { id: clause.id, start: clause.start, end: clause.end };
    const wanted = kind === 'Part' || (kind === 'Section' && number && /\d/.test(number)) ? 'part'
      : kind === 'Section' ? 'section' : kind === 'Appendix' || kind === 'Annex' || kind === 'document' ? 'appendix' : 'schedule';
    for (let index = clause.parent; index !== -1; index = units[index].parent) {
      const unit = units[index];
      if (unit.kind === wanted) return { id: unit.id, start: unit.start, end: unit.end };
    }
    // The unit named is not in this file's structure: the clause's own document, from the clause on.
    const contexts = this.sources.contexts;
    const document = contexts.length > 0 ? contexts[contextIndexAt(contexts, clause.start)].document : null;
    const id = number ? `${kind === 'Part' ? 'Section' : kind} ${number}` : document ?? clause.id;
    return { id, start: clause.start, end: this.text.length };
  }
}

/** A term never ends with a connector ("Code of" is the start of something else). */
function trimConnectors(term: string): string {
  const words = term.split(/[ \t]+/);
  while (words.length > 1 && CONNECTORS.has(words[words.length - 1])) words.pop();
  let end = 0;
  let count = 0;
  // The term as written (its own spacing), up to the end of its last kept word.
  const pattern = /\S+/g;
  let match: RegExpExecArray | null;
  while (count < words.length && (match = pattern.exec(term)) !== null) {
    end = match.index + match[0].length;
    count++;
  }
  return term.slice(0, end);
}
