// The main part of a .docx read as paragraphs of pieces: text under its tracked change, tabs
// and line breaks as characters, comment anchors where Word draws them. Tables read row by
// row, a tab between cells, so a two-column definitions table reads "Term<tab>means ...".
import { ChangeMark } from './wordModel';
import { ParagraphNumbering } from './numberingDefinitions';
import { attributeOf, childNamed, childrenOf, childValue, isOn, nameOf, parseXml, rootElement, textOf, XmlNode } from './xmlTree';

/** A comment's anchor, by id: its reference mark, or the end of its range when it has no reference. */
export type BodyPiece = { kind: ChangeMark; text: string } | { kind: 'comment'; id: string; anchor: 'reference' | 'rangeEnd' };

export interface WordParagraph {
  pieces: BodyPiece[];
  /** The tracked change on the paragraph mark: an inserted mark splits a paragraph, a deleted one joins it to the next. */
  mark: ChangeMark;
  /** The mark as text: a line break, or a tab at the end of a table cell followed by another. */
  separator: '\n' | '\t';
  numbering: ParagraphNumbering;
  /** The numbering before a tracked change of the paragraph's properties. */
  originalNumbering: ParagraphNumbering;
}

/** Text Word shows under a mark; `dropped` is text inserted and then deleted, which neither reading has. */
type Reading = ChangeMark | 'dropped';

const INSERTING = new Set(['ins', 'moveTo']);
const DELETING = new Set(['del', 'moveFrom']);
/** Elements that only wrap runs: their content reads as if they were not there. */
const WRAPPERS = new Set(['hyperlink', 'smartTag', 'customXml', 'fldSimple', 'sdt', 'sdtContent', 'dir', 'bdo']);
const LEFT_OUT: Record<string, string> = {
  footnoteReference: 'footnotes',
  endnoteReference: 'endnotes',
  drawing: 'drawings and images',
  pict: 'drawings and images',
  object: 'embedded objects',
  AlternateContent: 'drawings and text boxes',
  oMath: 'equations',
  oMathPara: 'equations',
};

export class BodyReader {
  readonly leftOut = new Map<string, number>();

  read(xml: string, part: string): WordParagraph[] {
    const body = childNamed(rootElement(parseXml(xml, part), 'document', part), 'body');
    return body === undefined ? [] : this.paragraphsIn(body);
  }

  /** The paragraphs of a container of blocks: a body, a table cell, a comment. */
  paragraphsIn(container: XmlNode): WordParagraph[] {
    const paragraphs: WordParagraph[] = [];
    this.readBlocks(container, paragraphs);
    return paragraphs;
  }

  private readBlocks(container: XmlNode, paragraphs: WordParagraph[]): void {
    for (const block of childrenOf(container)) {
      const name = nameOf(block);
      if (name === 'p') paragraphs.push(this.readParagraph(block));
      else if (name === 'tbl') this.readTable(block, paragraphs);
      else if (name === 'sdt' || name === 'sdtContent' || name === 'customXml') this.readBlocks(block, paragraphs);
    }
  }

  private readTable(table: XmlNode, paragraphs: WordParagraph[]): void {
    for (const row of childrenOf(table).filter((node) => nameOf(node) === 'tr')) {
      const cells = childrenOf(row).filter((node) => nameOf(node) === 'tc');
      cells.forEach((cell, index) => {
        const before = paragraphs.length;
        this.readBlocks(cell, paragraphs);
        if (index < cells.length - 1 && paragraphs.length > before) paragraphs[paragraphs.length - 1].separator = '\t';
      });
    }
  }

  private readParagraph(paragraph: XmlNode): WordParagraph {
    const properties = childNamed(paragraph, 'pPr');
    const markProperties = properties === undefined ? undefined : childNamed(properties, 'rPr');
    const change = properties === undefined ? undefined : childNamed(properties, 'pPrChange');
    const pieces: BodyPiece[] = [];
    for (const child of childrenOf(paragraph)) if (nameOf(child) !== 'pPr') this.readInline(child, 'text', pieces);
    const numbering = numberingOf(properties);
    return {
      pieces,
      mark: markOf(markProperties),
      separator: '\n',
      numbering,
      originalNumbering: change === undefined ? numbering : numberingOf(childNamed(change, 'pPr')),
    };
  }

  private readInline(node: XmlNode, reading: Reading, pieces: BodyPiece[]): void {
    const name = nameOf(node);
    if (name === undefined) return;
    if (name === 'r') this.readRun(node, reading, pieces);
    else if (INSERTING.has(name)) for (const child of childrenOf(node)) this.readInline(child, within(reading, 'insertion'), pieces);
    else if (DELETING.has(name)) for (const child of childrenOf(node)) this.readInline(child, within(reading, 'deletion'), pieces);
    else if (WRAPPERS.has(name)) for (const child of childrenOf(node)) this.readInline(child, reading, pieces);
    else if (name === 'commentRangeEnd') pieces.push({ kind: 'comment', id: idOf(node), anchor: 'rangeEnd' });
    else this.noteLeftOut(name);
  }

  private readRun(run: XmlNode, reading: Reading, pieces: BodyPiece[]): void {
    // Hidden text is not part of the document as Word shows it.
    if (isOn(childNamed(run, 'rPr'), 'vanish')) return;
    for (const child of childrenOf(run)) {
      const name = nameOf(child);
      if (name === 'commentReference') pieces.push({ kind: 'comment', id: idOf(child), anchor: 'reference' });
      else if (name !== undefined && reading !== 'dropped') {
        const text = runText(name, child);
        if (text !== undefined) pieces.push({ kind: reading, text });
        else this.noteLeftOut(name);
      }
    }
  }

  private noteLeftOut(name: string): void {
    const what = LEFT_OUT[name];
    if (what !== undefined) this.leftOut.set(what, (this.leftOut.get(what) ?? 0) + 1);
  }
}

/** What a run's child element reads as, or undefined for what carries no text. */
function runText(name: string, element: XmlNode): string | undefined {
  switch (name) {
    case 't':
    case 'delText':
      // A line break inside w:t is not one Word shows: it reads as a space.
      return textOf(element).replace(/\r\n?|\n/g, ' ');
    case 'tab':
    case 'ptab':
      return '\t';
    case 'br':
    case 'cr':
      return '\n';
    case 'noBreakHyphen':
      return '-';
    default:
      return undefined;
  }
}

function within(outer: Reading, inner: ChangeMark): Reading {
  if (outer === 'dropped' || (outer === 'insertion' && inner === 'deletion')) return 'dropped';
  return outer === 'deletion' ? 'deletion' : inner;
}

function markOf(markProperties: XmlNode | undefined): ChangeMark {
  if (markProperties === undefined) return 'text';
  if (childNamed(markProperties, 'del') || childNamed(markProperties, 'moveFrom')) return 'deletion';
  if (childNamed(markProperties, 'ins') || childNamed(markProperties, 'moveTo')) return 'insertion';
  return 'text';
}

function numberingOf(properties: XmlNode | undefined): ParagraphNumbering {
  if (properties === undefined) return {};
  const list = childNamed(properties, 'numPr');
  const level = childValue(list, 'ilvl');
  return { style: childValue(properties, 'pStyle'), numId: childValue(list, 'numId'), level: level === undefined ? undefined : Number.parseInt(level, 10) || 0 };
}

function idOf(node: XmlNode): string {
  return attributeOf(node, 'id') ?? '';
}
