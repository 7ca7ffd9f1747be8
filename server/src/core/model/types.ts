// The document model shared by every layer. Offsets are UTF-16 code unit offsets into the
// file text (what JavaScript strings and LSP positions both count), converted to lines and
// characters only at the edges (LineIndex).

export type UnitKind =
  | 'section'
  | 'part'
  | 'clause'
  | 'paragraph'
  | 'schedule'
  | 'appendix'
  | 'docClause'
  | 'modification';

export interface Unit {
  /** Canonical id: `Section H4.3(a)`, `Appendix AK 4.2`, `Schedule 8 v3.2`. */
  id: string;
  kind: UnitKind;
  /** The number as written: `H4.3`, `(a)`, `4.2`, `Section H`. */
  label: string;
  /** Heading title for Sections, Parts, Schedules and Appendices; '' for clauses and paragraphs. */
  title: string;
  /** Whole unit: from its label to the end of its last non-blank line. */
  start: number;
  end: number;
  labelStart: number;
  labelEnd: number;
  /** Index of the parent unit in ParsedDocument.units, or -1. */
  parent: number;
  /** `[Not used]`, `[Deleted]`, `[Intentionally blank]`. */
  notUsed: boolean;
  /** Some enclosing unit in the same file is not used. */
  withinNotUsed?: boolean;
  /** The unit exists only in inserted text ({++ ++}) of this file. */
  inserted?: boolean;
  /** The unnumbered heading line that precedes a clause ("Eligibility Generally"). */
  crossHeading?: CrossHeading;
  /** Number of child units (clauses of a Part, paragraphs of a clause...). */
  childCount: number;
}

export interface CrossHeading {
  text: string;
  start: number;
  end: number;
}

/** How a term is defined (docs/format.md, "Defined terms"). */
export type DefinitionForm =
  /** A row of a definitions table, the term unquoted at the start of its line: `Term means ...`. */
  | 'table'
  /** `"Term" means ...`, curly quotes too. */
  | 'quoted'
  /** `(the "Term")`, `("Term")`. */
  | 'inline'
  /** `... to this Code (an Applicant)`: unquoted, in brackets. */
  | 'parenthetical';

export interface DefinedTerm {
  term: string;
  start: number;
  end: number;
  /** Where the definition's text ends (end of its line or paragraph). */
  definitionEnd: number;
  form: DefinitionForm;
  /**
   * "has the meaning given to that expression in Section H14.1": the offset after "in", from
   * which the first reference of the definition is the clause its meaning is in.
   */
  pointerFrom?: number;
  /** The unit the definition applies in (`Section H14`, `Appendix AK`) and its span in this file; absent: the whole Code. */
  scope?: { id: string; start: number; end: number };
  /**
   * A table row's term that may wrap: the capitalised words the next line starts with. They
   * complete the term when the longer expression is used elsewhere in the workspace.
   */
  continuation?: { text: string; start: number; end: number };
}

export type CitedTitleKind = 'bracket' | 'quote' | 'dash';

export interface CitedTitle {
  kind: CitedTitleKind;
  /** Raw source text of the title candidate (a dash title may run on into prose). */
  raw: string;
  start: number;
}

export type ReferenceKind = 'sec' | 'external' | 'ambiguous';

export interface Reference {
  /** The reference as written, whitespace collapsed. */
  text: string;
  start: number;
  end: number;
  /** Canonical target id, or null for external and ambiguous references. */
  target: string | null;
  kind: ReferenceKind;
  /** An intermediate member of a range (H10.11 in H10.9-H10.13): cited, but not written. */
  viaRange?: boolean;
  /** For the written ends of a range: the target at the other end (H10.13 for H10.9 in H10.9-H10.13). */
  rangePartner?: string;
  /** True for the first written end of a range. */
  rangeStart?: boolean;
  /** On the first written end of a range whose members are not cited one by one (too many). */
  unexpanded?: UnexpandedRange;
  title?: CitedTitle;
  /** For external references: the instrument named after "of the" (Energy Act 2008). */
  instrument?: string;
  /** "clause 3.6.3" with no "of …": its document is the one named just before (same paragraph or the sentence before). */
  documentNamedBefore?: boolean;
}

/** A range cited by its two ends only: `H1.1 to H1.200`. */
export interface UnexpandedRange {
  /** Members of the range, ends included. */
  members: number;
  /** From the start of the first end's reference to the end of the second's. */
  span: number;
  /** True when the range itself is small enough, but its file has cited as many members as its size allows. */
  overBudget: boolean;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'broken-reference'
  | 'deprecated-reference'
  | 'title-mismatch'
  | 'ambiguous-reference'
  | 'unverified-reference'
  | 'duplicate-number'
  | 'numbering-order'
  | 'invalid-config'
  | 'malformed-change'
  | 'reference-to-deleted'
  | 'instruction-text-not-found'
  | 'file-too-large'
  | 'not-in-catalogue'
  | 'range-too-wide'
  | 'amendment-base-mismatch'
  | 'amendment-conflict'
  | 'duplicate-definition'
  | 'term-case-mismatch'
  | 'near-miss-term'
  | 'unused-definition';

export interface CoreDiagnostic {
  start: number;
  end: number;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Machine-readable facts for quick fixes (replacement id, real title...). */
  data?: Record<string, unknown>;
  /**
   * This severity, not the code's: a setting can only turn it off. Two drafts that apply
   * cleanly together are information whatever severity their code's conflicts are given.
   */
  fixedSeverity?: boolean;
}

/** Where an in-place re-parse replaced references: `removed` old ones after the first `before`, by `added` new ones. */
export interface ReferenceWindow {
  before: number;
  removed: number;
  added: number;
}

export type InstructionKind = 'insert' | 'delete' | 'replace' | 'renumber' | 'amend';

/**
 * An amendment instruction written in prose ("Insert new Section H4.3A after Section H4.3"), or
 * one that introduces text ("Amend Section H4.10 as follows:", then the unit in CriticMarkup).
 */
export interface Instruction {
  kind: InstructionKind;
  start: number;
  end: number;
  /** The existing unit the instruction acts on (for insert: the anchor). */
  target: string;
  targetStart: number;
  targetEnd: number;
  /** insert: the new id; renumber: the id it becomes. */
  newId?: string;
  newIdStart?: number;
  newIdEnd?: number;
  /** insert: where the new unit goes relative to the target. */
  position?: 'after' | 'before';
  /** replace: the quoted text to find, and its replacement. */
  find?: string;
  findStart?: number;
  findEnd?: number;
  replacement?: string;
  /** delete: the unit stays, its text replaced by "[Not used]" ("Delete Section X5.3 and replace it with [Not used]"). */
  notUsed?: boolean;
  /**
   * The text the instruction introduces (amend; insert and delete written with a colon): the
   * amended unit in CriticMarkup, or the new unit. Offsets of its first and last character.
   */
  bodyStart?: number;
  bodyEnd?: number;
}

/** Where a document's text starts: a heading, or the file's start. */
export interface DocumentContext {
  /** Offset where this context starts. */
  start: number;
  /** `Appendix AK`, `Schedule 8`, `Section H`, `SECMP0045`, or null before any heading. */
  document: string | null;
}

export interface ParsedDocument {
  text: string;
  units: Unit[];
  definitions: DefinedTerm[];
  references: Reference[];
  /** Problems found by parsing alone (numbering, duplicates, malformed markup). */
  diagnostics: CoreDiagnostic[];
  /** Offsets of regions that define nothing and cite nothing (a table of contents). */
  contents: Array<{ start: number; end: number }>;
  /** The document each part of the text belongs to, by start offset (the first starts at 0). */
  contexts: DocumentContext[];
  /** Each id the text defines → index in `units` of its first definition. */
  firstDefinitions: Map<string, number>;
  /** Units that tracked changes delete: present before the changes, gone after. */
  deleted: Array<{ id: string; start: number; end: number }>;
  /** Amendment instructions in prose ("Insert new Section H4.3A after Section H4.3"). */
  instructions: Instruction[];
  /** The text as read, tracked changes accepted (same length as `text`), when it differs from `text`. */
  reading?: string;
}
