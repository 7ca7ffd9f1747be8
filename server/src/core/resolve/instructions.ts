// Checks amendment instructions against the workspace: the quoted text to replace must
// occur in the target; an inserted or renumbered number must fit between its neighbours
// and must not exist already. (That the target exists is checked as for any reference.)
import { parentId, shortLabel } from '../model/ids';
import type { CoreDiagnostic } from '../model/types';
import type { Instruction } from '../model/types';
import { compareClauseNumbers } from '../parse/numbering';
import { LooseText } from '../text/looseMatch';
import type { WorkspaceDefinition } from './statuses';

export interface InstructionSources {
  /** The target's text in the workspace, or undefined when it is not there. */
  textOf: (id: string) => string | undefined;
  exists: (id: string) => boolean;
  /** Every workspace definition of an id. */
  definitionsOf: (id: string) => readonly WorkspaceDefinition[];
  /** Ids of the units beside `id` (children of its parent), in any order. */
  siblingsOf: (id: string) => string[];
}

function lastNumber(id: string): string {
  const label = shortLabel(id);
  const paragraph = /\(([^)]*)\)$/.exec(label);
  if (paragraph) return paragraph[1];
  const dot = label.lastIndexOf('.');
  return dot === -1 ? label.replace(/^[A-Z]/, '') : label.slice(dot + 1);
}

function compareIds(a: string, b: string): number {
  return compareClauseNumbers(lastNumber(a), lastNumber(b));
}

/**
 * Defined by some file other than by the instruction's own draft inserting it: a draft that
 * says "Insert new Section H4.14" and then writes {++H4.14 ...++} does what it says.
 */
function existsBesidesDraft(id: string, draftUri: string, sources: InstructionSources): boolean {
  return sources.definitionsOf(id).some((definition) => definition.uri !== draftUri || !definition.unit.inserted);
}

/**
 * Does each quoted wording occur in its target? Each target's text is prepared once and each
 * wording looked up once, however many instructions repeat them: an amendment of thousands
 * of instructions against one long Part read the Part once per instruction.
 */
function wordingFinder(sources: InstructionSources): (target: string, quoted: string) => boolean | undefined {
  const targets = new Map<string, LooseText | null>();
  const answers = new Map<string, boolean>();
  return (target, quoted) => {
    let text = targets.get(target);
    if (text === undefined) {
      const written = sources.textOf(target);
      text = written === undefined ? null : new LooseText(written);
      targets.set(target, text);
    }
    if (text === null) return undefined;
    const key = `${target}\u0000${quoted}`;
    let found = answers.get(key);
    if (found === undefined) answers.set(key, (found = text.find(quoted) !== null));
    return found;
  };
}

/** `draftUri`: the file the instructions are written in. */
export function instructionDiagnostics(instructions: readonly Instruction[], sources: InstructionSources, draftUri: string): CoreDiagnostic[] {
  const diagnostics: CoreDiagnostic[] = [];
  const occurs = wordingFinder(sources);
  for (const instruction of instructions) {
    if (instruction.kind === 'replace' && instruction.find !== undefined) {
      if (occurs(instruction.target, instruction.find) === false) {
        diagnostics.push({
          start: instruction.findStart!, end: instruction.findEnd!, severity: 'error', code: 'instruction-text-not-found',
          message: `"${instruction.find}" does not occur in the text of ${instruction.target}, so it cannot be replaced.`,
          data: { target: instruction.target },
        });
      }
    }
    if ((instruction.kind === 'insert' || instruction.kind === 'renumber') && instruction.newId) {
      const at = { start: instruction.newIdStart!, end: instruction.newIdEnd! };
      const newId = instruction.newId;
      if (existsBesidesDraft(newId, draftUri, sources)) {
        diagnostics.push({ ...at, severity: 'information', code: 'numbering-order', message: `${newId} already exists.` });
        continue;
      }
      if (instruction.kind !== 'insert' || !sources.exists(instruction.target) || parentId(newId) !== parentId(instruction.target)) continue;
      const siblings = sources.siblingsOf(instruction.target).sort(compareIds);
      const anchor = siblings.indexOf(instruction.target);
      const lower = instruction.position === 'after' ? instruction.target : siblings[anchor - 1];
      const upper = instruction.position === 'after' ? siblings[anchor + 1] : instruction.target;
      const fits = (!lower || compareIds(lower, newId) < 0) && (!upper || compareIds(newId, upper) < 0);
      if (!fits) {
        const between = [lower, upper].filter(Boolean).map((id) => shortLabel(id!)).join(' and ');
        diagnostics.push({ ...at, severity: 'information', code: 'numbering-order', message: `${shortLabel(newId)} does not fit ${instruction.position} ${shortLabel(instruction.target)}: it must come between ${between}.` });
      }
    }
  }
  return diagnostics;
}
