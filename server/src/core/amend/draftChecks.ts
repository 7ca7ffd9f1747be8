// A draft's own diagnostics: each change of wording whose "before" reading is no longer the
// baseline's text (amendment-base-mismatch), a header naming a version of the Code the
// workspace has moved on from (the same code), and every conflict with another draft in the
// workspace (amendment-conflict), on the instructions of both. No IO: the workspace is reached
// through AmendmentCheckSources, and what is worked out is kept until the checker forgets.

import { ancestorIds } from '../model/ids';
import type { CoreDiagnostic } from '../model/types';
import { fileName } from '../model/uris';
import { changedWords, wordDiff } from '../text/wordDiff';
import { AmendmentSources, ChangeAnalysis, DraftAnalyses } from './analysis';
import { Conflict, ConflictKind, findConflicts } from './conflicts';
import { describeChange, Draft } from './draft';

export interface AmendmentCheckSources extends AmendmentSources {
  /** Is the id defined anywhere in the workspace, drafts included? */
  exists(id: string): boolean;
  /** Every draft of the workspace, in a stable order. */
  drafts(): readonly Draft[];
  draftOf(uri: string): Draft | undefined;
  /** The version of the Code the workspace's own text says it is (its Version Control table), if it says. */
  workspaceVersion(): string | undefined;
}

/** 6.9 < 6.19 < 7.0: versions compared number by number. */
export function compareVersions(a: string, b: string): number {
  const [majorA, minorA] = a.split('.').map(Number);
  const [majorB, minorB] = b.split('.').map(Number);
  return majorA - majorB || minorA - minorB;
}

/** The longest pair of texts whose difference a diagnostic counts in words (a few clauses' worth). */
const LONGEST_COUNTED = 20000;

const WHY: Record<Exclude<ConflictKind, 'commutes'>, string> = {
  'same-words': ', in the same words as this instruction',
  incomparable: ', and one of the two no longer reads as the Code does, so they cannot be merged',
  structure: '',
  'same-number': '',
};

/** Where another draft's instruction is, for messages: "MP101 (mp101-draft.sec, line 8)". */
export function whereIs(analysis: ChangeAnalysis): string {
  return `${analysis.draft.name} (${fileName(analysis.draft.uri)}, line ${analysis.change.line})`;
}

export function conflictMessage(other: ChangeAnalysis, kind: ConflictKind): string {
  if (kind === 'commutes') {
    return `Applies cleanly with ${whereIs(other)}: ${describeChange(other.draft, other.change)} in other words than this instruction; either order gives the same text.`;
  }
  return `Conflicts with ${whereIs(other)}: ${describeChange(other.draft, other.change)}${WHY[kind]}.`;
}

export class AmendmentChecks {
  readonly analyses: DraftAnalyses;
  private conflictList: Conflict[] | null = null;

  /** `catalogueVersion`: the version of the Code the catalogue in use lists ('' or undefined: none). */
  constructor(private readonly sources: AmendmentCheckSources, private readonly catalogueVersion: string | undefined) {
    this.analyses = new DraftAnalyses(sources);
  }

  /** The workspace changed: nothing worked out holds. */
  forget(): void {
    this.analyses.clear();
    this.conflictList = null;
  }

  /** Every pair of changes of two drafts that meet, commuting ones included. */
  conflicts(): readonly Conflict[] {
    this.conflictList ??= findConflicts(this.sources.drafts(), this.analyses);
    return this.conflictList;
  }

  /** The diagnostics of the draft in `uri` (none when it is not a draft). */
  diagnostics(uri: string): CoreDiagnostic[] {
    const draft = this.sources.draftOf(uri);
    if (!draft) return [];
    const found = this.versionDiagnostics(draft);
    for (const change of draft.changes) {
      const mismatch = this.baseMismatch(this.analyses.of(draft, change));
      if (mismatch) found.push(mismatch);
    }
    for (const conflict of this.conflicts()) {
      if (conflict.a.draft === draft) found.push(this.conflictDiagnostic(conflict.a, conflict.b, conflict.kind));
      if (conflict.b.draft === draft) found.push(this.conflictDiagnostic(conflict.b, conflict.a, conflict.kind));
    }
    return found;
  }

  private baseMismatch(analysis: ChangeAnalysis): CoreDiagnostic | null {
    const { change, baseline, wording } = analysis;
    const { instruction } = change;
    if (!baseline) return this.vanished(analysis);
    if (!wording || wording.applies || instruction.kind === 'replace') return null;
    // A count of the words is worth a diff of texts of a clause's size; a larger one is left to the hover.
    const parts = wording.compared.length + wording.assumed.length <= LONGEST_COUNTED ? wordDiff(wording.compared, wording.assumed) : null;
    const differ = parts === null ? 'they differ' : `${changedWords(parts)} words differ`;
    return {
      start: instruction.start, end: instruction.end, severity: 'warning', code: 'amendment-base-mismatch',
      message: `${instruction.target} has changed since this draft was written: the draft's text before its changes is not the text of ${instruction.target} in ${fileName(baseline.uri)} (${differ}; hover to see where). Draft the change against the current text.`,
      data: { target: instruction.target, baseline: baseline.uri },
    };
  }

  /**
   * A target the Code's text no longer has, though a draft writes it out (an amended clause
   * quoted with its number defines it in the draft): still a broken reference, as when no file
   * has it. Reported when the text of the unit around it is in the workspace, as a broken reference is.
   */
  private vanished({ change }: ChangeAnalysis): CoreDiagnostic | null {
    const { kind, target, targetStart, targetEnd } = change.instruction;
    if (kind === 'insert' || !this.sources.exists(target) || !ancestorIds(target).some((id) => this.sources.baselineOf(id))) return null;
    return {
      start: targetStart, end: targetEnd, severity: 'error', code: 'broken-reference',
      message: `Broken reference: ${target} does not exist in the Code's text; only a draft writes it out.`,
      data: { target },
    };
  }

  private versionDiagnostics(draft: Draft): CoreDiagnostic[] {
    const drafted = draft.header.draftedAgainst;
    if (!drafted) return [];
    const moved: string[] = [];
    const workspace = this.sources.workspaceVersion();
    // The workspace's text is the Code the draft applies to: any other version is a difference.
    if (workspace && workspace !== drafted.version) moved.push(`the workspace's Version Control table is at SEC version ${workspace}`);
    // The catalogue is a snapshot that may be older than the draft: only a newer one says the Code has moved on.
    if (this.catalogueVersion && compareVersions(this.catalogueVersion, drafted.version) > 0) moved.push(`the catalogue in use lists SEC version ${this.catalogueVersion}`);
    if (moved.length === 0) return [];
    return [{
      start: drafted.start, end: drafted.end, severity: 'warning', code: 'amendment-base-mismatch',
      message: `Drafted against SEC version ${drafted.version}, but ${moved.join(' and ')}: check that each amended unit still reads as this draft assumes.`,
      data: { draftedAgainst: drafted.version, workspace, catalogue: this.catalogueVersion },
    }];
  }

  private conflictDiagnostic(own: ChangeAnalysis, other: ChangeAnalysis, kind: ConflictKind): CoreDiagnostic {
    const { instruction } = own.change;
    const diagnostic: CoreDiagnostic = {
      start: instruction.start, end: instruction.end, severity: kind === 'commutes' ? 'information' : 'warning', code: 'amendment-conflict',
      message: conflictMessage(other, kind),
      data: { other: other.draft.uri, modification: other.draft.name, line: other.change.line, commutes: kind === 'commutes' },
    };
    if (kind === 'commutes') diagnostic.fixedSeverity = true;
    return diagnostic;
  }
}
