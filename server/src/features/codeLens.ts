// Code lenses: the impact of a change at a glance. Above every Part and clause, how often it
// is cited and from how many files ("cited by 12 · 5 files"); above each instruction of a
// draft, the unit it changes and who cites that. A click lists the citations with the
// editor's standard references view (SHOW_REFERENCES_COMMAND, with the locations).
// A document's lenses cost nothing to list; each is counted when the editor resolves it
// (codeLens/resolve), which it does only for the lenses on screen.
import type { CodeLens, Command, Location, Position } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import type { FileSummary } from '../core/index/summary';
import type { Instruction, Unit } from '../core/model/types';
import type { Cancellation } from './cancellation';
import { Citation, citationsOf } from './references';
import { SHOW_REFERENCES_COMMAND } from '../protocol';
import { toRange } from './shared';

const COUNTED_KINDS = new Set<Unit['kind']>(['part', 'clause', 'docClause']);

/** What codeLens/resolve needs to count a lens: the unit's id, or the instruction's position in its file. */
export interface LensData {
  uri: string;
  id?: string;
  instruction?: number;
}

export function codeLenses(index: EditorIndex, uri: string): CodeLens[] {
  const summary = index.summary(uri);
  if (!summary) return [];
  const lenses: CodeLens[] = [];
  for (const unit of summary.parsed.units) {
    // A Part implied by an inserted clause has no heading line to stand above.
    if (!COUNTED_KINDS.has(unit.kind) || unit.labelEnd === unit.labelStart) continue;
    const data: LensData = { uri, id: unit.id };
    lenses.push({ range: toRange(summary, { start: unit.labelStart, end: unit.labelEnd }), data });
  }
  summary.parsed.instructions.forEach((instruction, at) => {
    const data: LensData = { uri, instruction: at };
    lenses.push({ range: toRange(summary, { start: instruction.start, end: instruction.start }), data });
  });
  return lenses.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export function resolveCodeLens(index: EditorIndex, lens: CodeLens, token?: Cancellation): CodeLens {
  const data = lens.data as Partial<LensData> | undefined;
  const summary = data?.uri ? index.summary(data.uri) : undefined;
  if (!data?.uri || !summary) return lens;
  const instruction = typeof data.instruction === 'number' ? summary.parsed.instructions[data.instruction] : undefined;
  if (instruction) return { ...lens, command: instructionCommand(index, summary, instruction, token) };
  if (typeof data.id === 'string') return { ...lens, command: citedCommand(index, summary, data.id, lens.range.start, token) };
  return lens;
}

/** "cited by 12 · 5 files", or "not cited"; and where from. `counts` leaves citations out (an instruction's own mention of its target). */
function citations(index: EditorIndex, id: string, token?: Cancellation, counts: (citation: Citation) => boolean = () => true): { title: string; locations: Location[] } {
  const locations: Location[] = [];
  const files = new Set<string>();
  for (const citation of citationsOf(index, id, token)) {
    const citing = index.summary(citation.uri);
    if (!citing || !counts(citation)) continue;
    files.add(citation.uri);
    locations.push({ uri: citation.uri, range: toRange(citing, citation.reference) });
  }
  if (locations.length === 0) return { title: 'not cited', locations };
  return { title: `cited by ${locations.length} · ${files.size} file${files.size === 1 ? '' : 's'}`, locations };
}

function citedCommand(index: EditorIndex, summary: FileSummary, id: string, at: Position, token?: Cancellation): Command {
  const { title, locations } = citations(index, id, token);
  return showReferences(title, summary.uri, at, locations);
}

const VERB: Record<Instruction['kind'], (instruction: Instruction) => string> = {
  insert: (instruction) => `inserts ${instruction.newId} ${instruction.position} ${instruction.target}`,
  delete: (instruction) => `deletes ${instruction.target}`,
  replace: (instruction) => `changes the wording of ${instruction.target}`,
  renumber: (instruction) => `renumbers ${instruction.target} as ${instruction.newId}`,
  amend: (instruction) => `amends ${instruction.target}`,
};

/**
 * The unit an instruction changes and who else cites it (whose text the change affects); a
 * click lists the unit and those citations. An insertion changes no existing unit's text:
 * it names where the new one goes.
 */
function instructionCommand(index: EditorIndex, summary: FileSummary, instruction: Instruction, token?: Cancellation): Command {
  const target = instruction.target;
  const definitions: Location[] = [];
  for (const definition of index.definitionsOf(target)) {
    const owner = index.summary(definition.uri);
    if (owner) definitions.push({ uri: definition.uri, range: toRange(owner, { start: definition.unit.labelStart, end: definition.unit.labelEnd }) });
  }
  const at = toRange(summary, { start: instruction.targetStart, end: instruction.targetEnd }).start;
  const verb = VERB[instruction.kind](instruction);
  if (instruction.kind === 'insert') return showReferences(verb, summary.uri, at, definitions);
  const ownMention = (citation: Citation) => citation.uri !== summary.uri || citation.reference.end <= instruction.start || citation.reference.start >= instruction.end;
  const { title, locations } = citations(index, target, token, ownMention);
  return showReferences(`${verb} · ${title}`, summary.uri, at, [...definitions, ...locations]);
}

/** Clicking a lens with nothing to list does nothing (an empty command id), rather than opening an empty view. */
function showReferences(title: string, uri: string, at: Position, locations: Location[]): Command {
  if (locations.length === 0) return { title, command: '' };
  return { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, at, locations] };
}
