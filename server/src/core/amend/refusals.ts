// Why drafts cannot be consolidated: each sentence names the draft, its file and line, and what
// stands in the way, so that a refused consolidation says what to do before it is run again.

import type { ChangeAnalysis } from './analysis';
import { Conflict, VERDICT } from './conflicts';
import { describeChange } from './draft';
import { whereIs } from './draftChecks';

export function conflictRefusal({ a, b, kind }: Conflict): string {
  return `${whereIs(a)} and ${whereIs(b)}: ${describeChange(a.draft, a.change)} and ${describeChange(b.draft, b.change)} (${VERDICT[kind]}).`;
}

/** What in one change stands in the way, or null when it applies. */
function obstacle(analysis: ChangeAnalysis): string | null {
  const { change, baseline, wording } = analysis;
  const { kind, target, newId } = change.instruction;
  if (!baseline) return `${target} is not in the Code's text`;
  if (kind === 'amend' && change.body === undefined) return 'no amended text follows the instruction';
  if (kind === 'amend' || (kind === 'delete' && wording)) {
    return wording!.applies ? null : `${target} has changed since the draft was written: its text before the draft's changes is not the Code's`;
  }
  if (kind === 'replace') return wording?.applies ? null : `the words to replace do not occur in ${target}`;
  if (kind === 'insert' && change.body === undefined) return `no text of ${newId} follows the instruction (end it with a colon and write the new unit below it)`;
  if (analysis.taken) return `${newId} exists already`;
  return null;
}

/** Why one change of a draft cannot be applied, as a sentence; null when it can. */
export function consolidationRefusal(analysis: ChangeAnalysis): string | null {
  const problem = obstacle(analysis);
  return problem === null ? null : `${whereIs(analysis)} does not apply: ${problem}.`;
}
