// Each change of a draft against the workspace's baseline: the unit it acts on, as the Code
// (not another draft) has it, and, for a change of wording, whether the draft's "before"
// reading is still that unit's text and which edits of it the change makes. Worked out once per
// change until the workspace changes (the checker clears them with its other memos).

import type { Unit } from '../model/types';
import type { Draft, DraftChange } from './draft';
import { bodyWording, NonSpace, replacementEdit, unitCharacters, UnitCharacters, Wording } from './wording';

/** A unit as the baseline has it: the file it is written in, that file's text, and the unit. */
export interface Baseline {
  uri: string;
  text: string;
  unit: Unit;
}

export interface AmendmentSources {
  /** The first definition of an id in a file that is not a draft; undefined when no such file has its text. */
  baselineOf(id: string): Baseline | undefined;
}

export interface ChangeAnalysis {
  draft: Draft;
  change: DraftChange;
  /** The unit the change acts on (an insertion's: the unit it goes after or before). */
  baseline?: Baseline;
  /** A change of wording (amend, replace; a deletion that quotes the text it deletes) against the baseline. */
  wording?: Wording;
  /** The number an insertion or renumbering gives is taken already in the Code's text. */
  taken?: boolean;
}

/** The existing units a change acts on: its target, or the clauses an amended Part's body quotes (none for an insertion). */
export function unitsChanged(analysis: ChangeAnalysis): readonly string[] {
  const { kind, target } = analysis.change.instruction;
  if (kind === 'insert') return [];
  return analysis.wording?.clauses ?? [target];
}

function analyse(draft: Draft, change: DraftChange, sources: AmendmentSources, characters: (baseline: Baseline) => UnitCharacters): ChangeAnalysis {
  const { instruction, body } = change;
  const baseline = sources.baselineOf(instruction.target);
  const analysis: ChangeAnalysis = { draft, change, baseline };
  if (instruction.newId !== undefined && sources.baselineOf(instruction.newId)) analysis.taken = true;
  if (!baseline) return analysis;
  if (instruction.kind === 'replace' && instruction.find !== undefined) {
    const edit = replacementEdit(instruction.find, instruction.replacement ?? '', baseline.unit, characters(baseline));
    analysis.wording = { applies: edit !== null, assumed: instruction.find, compared: baseline.text.slice(baseline.unit.start, baseline.unit.end), edits: edit ? [edit] : [] };
  } else if ((instruction.kind === 'amend' || instruction.kind === 'delete') && body !== undefined) {
    // The clauses of an amended Part are looked up in the Part's own file: the edits are that file's.
    const clauseOf = (id: string) => {
      const clause = sources.baselineOf(id);
      return clause?.uri === baseline.uri ? clause.unit : undefined;
    };
    analysis.wording = bodyWording(body, baseline.text, baseline.unit, clauseOf, characters(baseline));
  }
  return analysis;
}

/** The analyses of the drafts' changes, each worked out when first asked for. */
export class DraftAnalyses {
  private readonly memo = new Map<DraftChange, ChangeAnalysis>();
  /** Each baseline unit's characters, read once however many changes name it (until the workspace changes). */
  private readonly characters = new Map<string, NonSpace>();

  constructor(private readonly sources: AmendmentSources) {}

  of(draft: Draft, change: DraftChange): ChangeAnalysis {
    let analysis = this.memo.get(change);
    if (analysis === undefined) {
      analysis = analyse(draft, change, this.sources, (baseline) => this.charactersIn(baseline));
      this.memo.set(change, analysis);
    }
    return analysis;
  }

  clear(): void {
    this.memo.clear();
    this.characters.clear();
  }

  private charactersIn({ uri, text }: Baseline): UnitCharacters {
    const read = unitCharacters(text);
    return (unit) => {
      const key = `${uri}#${unit.start}:${unit.end}`;
      let found = this.characters.get(key);
      if (found === undefined) {
        found = read(unit);
        this.characters.set(key, found);
      }
      return found;
    };
  }
}
