// Laid-out paragraphs as a Word document written by the `docx` library: tracked changes as real
// revisions (w:ins / w:del, line breaks and paragraph marks included), comments as Word comments
// at their place, headings in Word's heading styles so that the navigation pane lists them.
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  ParagraphChild,
  Tab,
  TextRun,
} from 'docx';
import { Inline, ParagraphRole, PlannedParagraph } from './secLayout';
import { ChangeMark } from './wordModel';

export interface Revision {
  author: string;
  /** ISO 8601, as Word writes it: 2026-03-31T00:00:00Z. */
  date: string;
}

/** Twips (1/1440 inch) per level of a lettered paragraph: half an inch, Word's default tab stop. */
const INDENT_PER_DEPTH = 720;

const HEADINGS: Partial<Record<ParagraphRole, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  section: HeadingLevel.HEADING_1,
  part: HeadingLevel.HEADING_2,
  crossHeading: HeadingLevel.HEADING_3,
};

/** Text with its tabs as Word tab characters (a tab inside w:t is not one Word shows). */
function textChildren(text: string): Array<string | Tab> {
  const children: Array<string | Tab> = [];
  text.split('\t').forEach((part, index) => {
    if (index > 0) children.push(new Tab());
    if (part !== '') children.push(part);
  });
  return children;
}

class DocumentWriter {
  private nextRevisionId: number;
  readonly comments: Array<{ id: number; author: string; date: Date; children: Paragraph[] }> = [];

  constructor(
    private readonly revision: Revision,
    commentCount: number,
  ) {
    // Comment and revision ids are kept apart: Word reads both as annotation ids.
    this.nextRevisionId = commentCount;
  }

  private tracked(): { id: number; author: string; date: string } {
    return { id: this.nextRevisionId++, ...this.revision };
  }

  private run(mark: ChangeMark, content: { children?: Array<string | Tab>; break?: number }): ParagraphChild {
    if (mark === 'insertion') return new InsertedTextRun({ ...content, ...this.tracked() });
    if (mark === 'deletion') return new DeletedTextRun({ ...content, ...this.tracked() });
    return new TextRun(content);
  }

  private inline(inline: Inline): ParagraphChild[] {
    if (inline.kind === 'break') return [this.run(inline.mark, { break: 1 })];
    if (inline.kind !== 'comment') return [this.run(inline.kind, { children: textChildren(inline.text) })];
    const id = this.comments.length;
    this.comments.push({
      id,
      author: this.revision.author,
      date: new Date(this.revision.date),
      children: inline.text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ children: textChildren(line) })] })),
    });
    // CriticMarkup comments stand at a point, so the Word comment's range is empty.
    return [new CommentRangeStart(id), new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
  }

  paragraph(planned: PlannedParagraph): Paragraph {
    const mark = planned.mark === 'insertion' ? { insertion: this.tracked() } : planned.mark === 'deletion' ? { deletion: this.tracked() } : undefined;
    return new Paragraph({
      children: planned.inlines.flatMap((inline) => this.inline(inline)),
      heading: HEADINGS[planned.role],
      indent: planned.depth > 0 ? { left: INDENT_PER_DEPTH * planned.depth } : undefined,
      run: mark,
    });
  }
}

const heading = (size: number) => ({ run: { bold: true, size, color: '000000', font: 'Arial' }, paragraph: { spacing: { before: 240, after: 120 } } });

export function buildDocument(planned: PlannedParagraph[], revision: Revision, title: string): Document {
  const commentCount = planned.reduce((count, paragraph) => count + paragraph.inlines.filter((inline) => inline.kind === 'comment').length, 0);
  const writer = new DocumentWriter(revision, commentCount);
  const paragraphs = planned.map((paragraph) => writer.paragraph(paragraph));
  return new Document({
    title,
    creator: revision.author,
    lastModifiedBy: revision.author,
    // Reviewers' own edits come back as tracked changes too.
    features: { trackRevisions: true },
    comments: { children: writer.comments },
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 22 } },
        heading1: heading(28),
        heading2: heading(24),
        heading3: heading(22),
      },
    },
    sections: [{ children: paragraphs.length > 0 ? paragraphs : [new Paragraph({})] }],
  });
}
