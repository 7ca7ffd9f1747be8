// A .sec file laid out as Word paragraphs, before any Word object exists. A paragraph is a unit
// (a heading, a clause, a lettered paragraph) with the reflowed lines that continue it, joined
// by line breaks, so the document reads line for line as the file does and every line break
// comes back on import. Tracked changes keep their kind down to each line break and paragraph
// mark, so accepting or rejecting everything in Word gives the amended or the original text.
import { LabelKind, possibleKinds, successor } from '../parse/paragraphLabels';
import { PartOrClauseSpan, readParagraphLabel, readPartOrClause } from '../parse/unitLabels';
import { changeSegments, scanChanges } from '../text/criticMarkup';
import { ChangeMark, lineAt, Piece, WordProblem } from './wordModel';

export type Inline = Piece | { kind: 'break'; mark: ChangeMark };

export type ParagraphRole = 'blank' | 'section' | 'part' | 'crossHeading' | 'clause' | 'label' | 'text';

export interface PlannedParagraph {
  inlines: Inline[];
  /** The change on the paragraph mark; undefined for a last line without a line break. */
  mark?: ChangeMark;
  role: ParagraphRole;
  /** Depth of a lettered paragraph: 1 for (a), 2 for (i), 3 for (A); 0 otherwise. */
  depth: number;
}

interface Line {
  inlines: Piece[];
  newline?: ChangeMark;
  role: ParagraphRole;
  /** The line as it reads, for classification. */
  reading: string;
}

const HEADING = /^(?:Section|SECTION) [A-Z]{1,2}\s*[:\-–—]|^(?:Schedule|SCHEDULE) \d{1,2}\s*[:\-–—]|^(?:Appendix|APPENDIX) [A-Z]{1,2}\s*[:\-–—]/;
const NUMBERED_CLAUSE = /^\d{1,3}(?:\.\d{1,3})+\.?[ \t]/;
// Characters XML 1.0 cannot carry at all (a Word document with one does not open).
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function roleOf(reading: string): ParagraphRole {
  const line = reading.trimStart();
  if (HEADING.test(line)) return 'section';
  const span: PartOrClauseSpan = { partEnd: 0, clauseStart: 0, end: 0 };
  if (readPartOrClause(line, 0, span)) return span.clauseStart === -1 ? 'part' : 'clause';
  if (NUMBERED_CLAUSE.test(line)) return 'clause';
  return readParagraphLabel(line, 0) === -1 ? 'text' : 'label';
}

function classify(inlines: Piece[]): { role: ParagraphRole; reading: string } {
  const read = (kept: ChangeMark): string => inlines.map((inline) => (inline.kind === 'text' || inline.kind === kept ? inline.text : '')).join('');
  const after = read('insertion');
  // A line the amendment deletes whole is classified as it read before.
  const reading = after.trim() !== '' ? after : read('deletion');
  if (reading.trim() === '') return { role: inlines.some((inline) => inline.kind === 'comment') ? 'text' : 'blank', reading };
  return { role: roleOf(reading), reading };
}

function splitLines(text: string): Line[] {
  const { spans } = scanChanges(text);
  const lines: Line[] = [];
  let current: Piece[] = [];
  const close = (newline?: ChangeMark): void => {
    lines.push({ inlines: current, newline, ...classify(current) });
    current = [];
  };
  for (const segment of changeSegments(text, spans)) {
    if (segment.kind === 'comment') {
      current.push({ kind: 'comment', text: segment.text });
      continue;
    }
    const mark: ChangeMark = segment.kind;
    segment.text.split('\n').forEach((part, index) => {
      if (index > 0) close(mark);
      if (part !== '') current.push({ kind: mark, text: part });
    });
  }
  if (current.length > 0) close();
  return lines;
}

/** A line opens a new paragraph unless it continues the text of a unit or of prose above it. */
function opensParagraph(previous: Line, line: Line): boolean {
  return line.role !== 'text' || previous.role === 'blank' || previous.role === 'section' || previous.role === 'part';
}

/** Paragraphs, each with the reading of its first line (what makes it a heading, a clause or a label). */
function group(lines: Line[]): Array<{ paragraph: PlannedParagraph; firstLine: string }> {
  const paragraphs: Array<{ paragraph: PlannedParagraph; firstLine: string }> = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous === undefined || opensParagraph(previous, line)) {
      paragraphs.push({ paragraph: { inlines: [...line.inlines], mark: line.newline, role: line.role, depth: 0 }, firstLine: line.reading.trim() });
      return;
    }
    const { paragraph } = paragraphs[paragraphs.length - 1];
    paragraph.inlines.push({ kind: 'break', mark: previous.newline ?? 'text' }, ...line.inlines);
    paragraph.mark = line.newline;
  });
  return paragraphs;
}

/** How deep a paragraph label sits; (i) after (h) is a letter, after (a) a roman numeral, as a reader takes it. */
class LabelDepths {
  private last: Partial<Record<LabelKind, string>> = {};

  reset(): void {
    this.last = {};
  }

  depthOf(label: string): number {
    const kinds = possibleKinds(label);
    const follows = (kind: LabelKind): boolean => {
      const previous = this.last[kind];
      return previous !== undefined && kinds.includes(kind) && successor(kind, previous) === label;
    };
    const kind = (['roman', 'alpha', 'upper'] as LabelKind[]).find(follows) ?? (label === 'i' && this.last.alpha !== undefined ? 'roman' : kinds[0]);
    if (kind === 'alpha') this.last = { alpha: label };
    else if (kind === 'roman') this.last = { alpha: this.last.alpha, roman: label };
    else if (kind === 'upper') this.last.upper = label;
    return kind === 'roman' ? 2 : kind === 'upper' ? 3 : 1;
  }
}

function markHeadingsAndDepths(paragraphs: Array<{ paragraph: PlannedParagraph; firstLine: string }>): void {
  const depths = new LabelDepths();
  paragraphs.forEach(({ paragraph, firstLine }, i) => {
    if (paragraph.role === 'label') paragraph.depth = depths.depthOf(firstLine.slice(1, firstLine.indexOf(')')));
    else if (paragraph.role !== 'text' && paragraph.role !== 'blank') depths.reset();
    // A short line of its own right above a clause, without closing punctuation: a cross-heading.
    const single = !paragraph.inlines.some((inline) => inline.kind === 'break');
    const aboveClause = paragraphs[i + 1]?.paragraph.role === 'clause';
    const short = firstLine !== '' && firstLine.length <= 80 && !/[.;:,]$/.test(firstLine);
    if (paragraph.role === 'text' && single && aboveClause && short) paragraph.role = 'crossHeading';
  });
}

/** The file laid out as paragraphs, with what Word cannot carry reported. */
export function layoutSec(source: string): { paragraphs: PlannedParagraph[]; problems: WordProblem[] } {
  const problems: WordProblem[] = [];
  const withLineFeeds = source.replace(/\r\n?/g, '\n');
  const text = withLineFeeds.replace(NOT_IN_XML, (_, offset: number) => {
    if (problems.length === 0) problems.push({ severity: 'warning', line: lineAt(withLineFeeds, offset), message: 'control characters that a Word document cannot contain are written as U+FFFD (\ufffd)' });
    return '\ufffd';
  });
  for (const malformed of scanChanges(text).malformed) {
    problems.push({ severity: 'error', line: lineAt(text, malformed.start), message: `${malformed.message} It is exported as it is written.` });
  }
  const paragraphs = group(splitLines(text));
  markHeadingsAndDepths(paragraphs);
  return { paragraphs: paragraphs.map(({ paragraph }) => paragraph), problems };
}
