// A draft: a file of amendment instructions (the legal text of one modification), read as the
// changes it makes to the Code. Whether each still applies, whether two drafts collide, and the
// Code they make together are worked out from these (wording.ts, conflicts.ts, consolidate.ts).

import type { Instruction, ParsedDocument } from '../model/types';
import { fileName } from '../model/uris';
import { DraftHeader, readDraftHeader } from '../parse/draftHeader';

export interface DraftChange {
  instruction: Instruction;
  /** 1-based line of the instruction in its draft, for messages. */
  line: number;
  /** The text the instruction introduces, as written (CriticMarkup and all), when it has one. */
  body?: string;
}

export interface Draft {
  uri: string;
  /** `SECMP0099`, `MP101`: what messages call the draft (its file's name when its head names no modification). */
  name: string;
  header: DraftHeader;
  changes: DraftChange[];
}

/** The draft a parsed file is, or null when it has no instruction. `lineOf`: 1-based line of an offset. */
export function readDraft(uri: string, parsed: ParsedDocument, lineOf: (offset: number) => number): Draft | null {
  const instructions = parsed.instructions;
  if (instructions.length === 0) return null;
  const header = readDraftHeader(parsed.text, instructions[0].start);
  const changes = instructions.map((instruction): DraftChange => {
    const change: DraftChange = { instruction, line: lineOf(instruction.start) };
    if (instruction.bodyStart !== undefined) change.body = parsed.text.slice(instruction.bodyStart, instruction.bodyEnd);
    return change;
  });
  return { uri, name: header.modification ?? fileName(uri), header, changes };
}

/** How a change is named in messages: "SECMP0099 amends Section H4.10". */
export function describeChange(draft: Draft, change: DraftChange): string {
  const { kind, target, newId } = change.instruction;
  switch (kind) {
    case 'amend': return `${draft.name} amends ${target}`;
    case 'replace': return `${draft.name} changes the wording of ${target}`;
    case 'delete': return `${draft.name} deletes ${target}`;
    case 'insert': return `${draft.name} inserts ${newId}`;
    default: return `${draft.name} renumbers ${target} as ${newId}`;
  }
}
