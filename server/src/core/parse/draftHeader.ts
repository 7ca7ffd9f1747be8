// What a draft says of itself before its first instruction: the modification it is the legal
// text of (`Draft Legal Text for SECMP0099: Service Request Processing …`, or a heading
// `MP101 – Title`), and the version of the Code it was drafted against (`Drafted against SEC
// version 6.19`). Only the head of the text is read: at most HEADER_REACH characters.

const HEADER_REACH = 4000;
const MODIFICATION = /\b(?:SECMP[ \t]?(\d{4})(?!\d)|MP[ \t]?0*(\d{1,4}[A-Z]?)(?![A-Za-z0-9]))/;
const DRAFTED_AGAINST = /\b[Dd]rafted[ \t]+against[ \t]+(?:the[ \t]+)?(?:SEC|Smart[ \t]+Energy[ \t]+Code)[ \t]+(?:version|Version|v)[ \t]*(\d{1,3}\.\d{1,3})\b/;
const TITLE_AFTER = /^[ \t]*(?::|\u2013|\u2014|-)?[ \t]*([^\r\n]*)/;

export interface DraftHeader {
  /** `SECMP0099`, `MP101` (canonical, as references name them), or null when the head names none. */
  modification: string | null;
  /** What follows the number on its line, after a colon or a dash: the modification's title ('' when none). */
  title: string;
  /** The version named by "Drafted against SEC version 6.19", and where it is written. */
  draftedAgainst?: { version: string; start: number; end: number };
}

/** The head of a draft: its text before `end` (its first instruction), at most HEADER_REACH characters. */
export function readDraftHeader(text: string, end: number): DraftHeader {
  const head = text.slice(0, Math.min(end, HEADER_REACH));
  const header: DraftHeader = { modification: null, title: '' };
  const modification = MODIFICATION.exec(head);
  if (modification) {
    header.modification = modification[1] !== undefined ? `SECMP${modification[1]}` : `MP${modification[2]}`;
    header.title = TITLE_AFTER.exec(head.slice(modification.index + modification[0].length))![1].trim();
  }
  const drafted = DRAFTED_AGAINST.exec(head);
  if (drafted) {
    const start = drafted.index + drafted[0].length - drafted[1].length;
    header.draftedAgainst = { version: drafted[1], start, end: start + drafted[1].length };
  }
  return header;
}
