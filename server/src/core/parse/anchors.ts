// Where citations may start ("anchors"): a keyword such as "Section" or "Appendices" (after an
// optional "SEC"), a modification number (SECMP0045, MP122A, "SEC Modification Proposal 122A"), a bare clause id such as H14.36, or a bullet in a list of
// bare ids. The pattern has no capture groups: the reader at an anchor tells its kind from
// its first characters (a match array with six groups per anchor, 300,000 of them in a whole
// SEC workspace, was much of the scan's garbage). Measured and not kept: a hand-written
// character loop (twice as slow as the pattern) and the pattern without its leading \b,
// tested after each match instead (no faster in all).

export const ANCHOR_PATTERN =
  /\b(?:SEC[ \t]+)?(?:Sections?|SECTIONS?|sections?|Schedules?|SCHEDULES?|schedules?|Appendix|APPENDIX|appendix|Appendices|APPENDICES|appendices|Clauses?|CLAUSES?|clauses?|Conditions?|CONDITIONS?|conditions?|Paragraphs?|PARAGRAPHS?|paragraphs?)\b|\bSECMP[ \t]?\d{4}(?!\d)|\b(?:SEC[ \t]+)?Modification[ \t]+Proposal[ \t]+(?:MP[ \t]?)?\d{1,4}[A-Z]?(?![A-Za-z0-9])|\bMP[ \t]?\d{1,4}[A-Z]?(?![A-Za-z0-9])|\b[A-Z]\d{1,2}[A-Z]?\.\d{1,3}[A-Z]?(?![A-Za-z0-9])|^[ \t]*[\u2022\u00b7\u25aa\u25e6*-][ \t]*(?=[A-Z]\d)/gm;

export class AnchorFinder {
  /** End of the anchor `next` last found. */
  end = 0;
  private readonly pattern = new RegExp(ANCHOR_PATTERN.source, ANCHOR_PATTERN.flags);

  constructor(private readonly text: string) {}

  /** Start of the first anchor at or after `from` and before `to`, or -1 (setting `end`). */
  next(from: number, to: number): number {
    const { pattern } = this;
    pattern.lastIndex = from;
    const match = pattern.exec(this.text);
    if (match === null || match.index >= to) return -1;
    this.end = match.index + match[0].length;
    return match.index;
  }
}
