// The drafts of the workspace as the editor shows them: every pair of changes that meet on a
// unit (what `secls conflicts` lists), and the consolidated text of a file with its baseline,
// for a side-by-side difference. The server computes; the client shows read-only documents.
import type { ChangeAnalysis } from '../core/amend/analysis';
import { VERDICT } from '../core/amend/conflicts';
import { consolidate } from '../core/amend/consolidate';
import { describeChange, Draft } from '../core/amend/draft';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { referencesIn } from '../core/parse/parseDocument';
import type { ConflictPair, ConsolidationPreview, DraftChangeLocation } from '../protocol';
import { toRange } from './shared';

function location(index: WorkspaceIndex, analysis: ChangeAnalysis): DraftChangeLocation {
  const summary = index.summary(analysis.draft.uri)!;
  return { uri: analysis.draft.uri, range: toRange(summary, analysis.change.instruction), description: describeChange(analysis.draft, analysis.change) };
}

export function conflictPairs(index: WorkspaceIndex): ConflictPair[] {
  return index.amendments.conflicts().map(({ a, b, kind }) => ({
    first: location(index, a), second: location(index, b), appliesCleanly: kind === 'commutes', verdict: VERDICT[kind],
  }));
}

/** Does a draft change the baseline file `uri` (amend, delete, renumber a unit in it, or insert beside one)? */
function changes(index: WorkspaceIndex, draft: Draft, uri: string): boolean {
  return draft.changes.some((change) => index.amendments.analyses.of(draft, change).baseline?.uri === uri);
}

/**
 * The consolidated text of a file: for a draft, of each baseline file it changes, the draft
 * alone applied; for a baseline file, with every draft that changes it applied (in the order
 * of their files). Null when the file is not in the workspace.
 */
export function consolidationPreview(index: WorkspaceIndex, uri: string): ConsolidationPreview | null {
  if (!index.has(uri)) return null;
  const all = index.drafts();
  const own = all.find((draft) => draft.uri === uri);
  const drafts = own ? [own] : all.filter((draft) => changes(index, draft, uri));
  const preview: ConsolidationPreview = { drafts: drafts.map((draft) => draft.name), refusals: [], files: [] };
  if (drafts.length === 0) return preview;
  const draftUris = new Set(all.map((draft) => draft.uri));
  const textOf = (file: string) => index.summary(file)!.parsed.text;
  const consolidation = consolidate({
    drafts, analyses: index.amendments.analyses, baselineUris: index.uris().filter((file) => !draftUris.has(file)).sort(),
    textOf, unitsOf: (file) => index.summary(file)?.parsed.units ?? [],
    referencesOf: (file) => index.referencesOf(file), referencesIn: (text) => referencesIn(text, index.documentNames),
  });
  preview.refusals = consolidation.refusals;
  for (const [file, consolidated] of [...consolidation.changed].sort(([a], [b]) => a.localeCompare(b))) {
    if (own || file === uri) preview.files.push({ uri: file, baseline: textOf(file), consolidated });
  }
  return preview;
}
