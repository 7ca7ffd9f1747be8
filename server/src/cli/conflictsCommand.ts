// `secls conflicts [PATH...]`: every pair of changes from two drafts that meet on a unit, each
// with what it comes to (a conflict, or two changes that apply cleanly together).
import { relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { ChangeAnalysis } from '../core/amend/analysis';
import { VERDICT } from '../core/amend/conflicts';
import { describeChange } from '../core/amend/draft';
import { UsageError } from './checkGroup';
import { loadWorkspace } from './loadWorkspace';
import type { CommandOutcome } from './reported';

function side(cwd: string, analysis: ChangeAnalysis): string {
  return `${relative(cwd, analysis.draft.uri)}:${analysis.change.line}  ${describeChange(analysis.draft, analysis.change)}`;
}

/** Exit status: 0 when no two drafts conflict (changes that apply cleanly together are fine), 1 when some do. */
export function runConflicts(cwd: string, args: string[]): CommandOutcome {
  const unknown = args.find((arg) => arg.startsWith('-') && arg !== '-');
  if (unknown) throw new UsageError(`unknown option "${unknown}" for conflicts`);
  const first = args.length > 0 ? resolve(cwd, args[0]) : cwd;
  const stats = statSync(first, { throwIfNoEntry: false });
  const root = stats?.isDirectory() ? first : resolve(first, '..');
  const { index } = loadWorkspace(cwd, root, args);
  const conflicts = index.amendments.conflicts();
  const lines = conflicts.map(({ a, b, kind }) => `${side(cwd, a)}\n${side(cwd, b)}\n  ${VERDICT[kind]}\n`);
  const conflicting = conflicts.filter((conflict) => conflict.kind !== 'commutes').length;
  const drafts = index.drafts().length;
  const total = conflicts.length === 0
    ? `${drafts} draft${drafts === 1 ? '' : 's'}: no two change the same unit.\n`
    : `${drafts} drafts, ${conflicts.length} pair${conflicts.length === 1 ? '' : 's'} of changes on the same unit: ${conflicting} conflict${conflicting === 1 ? '' : 's'}, ${conflicts.length - conflicting} applying cleanly.\n`;
  return { output: `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}${total}`, exitCode: conflicting > 0 ? 1 : 0 };
}
