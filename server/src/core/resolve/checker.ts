// The checker: a file's citations → resolutions and diagnostics, with the severities applied.
// Both indexes use it (the CLI's one-shot index and the editor's incremental one): it holds no
// state of theirs, only a memo of what a target resolves to and which titles it may carry,
// which the index clears (`forget`) whenever a definition or the configuration changes.
// Like the resolver it does no IO: the workspace is reached through `CheckSources`.

import type { Catalogue } from '../catalogue/catalogue';
import type { ConfigDeprecation, SeveritySetting } from '../config/config';
import { parentId } from '../model/ids';
import type { CoreDiagnostic, DiagnosticCode, Instruction, Reference } from '../model/types';
import type { DocumentNames } from '../parse/documentNames';
import { AmendmentCheckSources, AmendmentChecks } from '../amend/draftChecks';
import { applySeverities, referenceDiagnostics, ResolvedReference } from './diagnostics';
import { instructionDiagnostics, InstructionSources } from './instructions';
import { resolveReference, ResolverSources, resolveTarget } from './resolver';
import type { Resolution, WorkspaceDefinition } from './statuses';

/** What the checker asks of the workspace. */
export interface CheckSources extends InstructionSources, AmendmentCheckSources {
  /** The definition that counts (paragraphs included). */
  definitionOf: (id: string) => WorkspaceDefinition | undefined;
  deletedBy: (id: string) => readonly string[] | undefined;
  anyDeleted: () => boolean;
}

export interface CheckSettings {
  catalogue: Catalogue | null;
  names: DocumentNames;
  deprecations: readonly ConfigDeprecation[];
  /** Per-code severities: the configuration's, then the editor's over them. */
  severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
}

/** Every entry has the same shape from the start (its diagnostics are added later): V8 keeps the loops over them fast. */
export function entry(reference: Reference, resolution: Resolution): ResolvedReference {
  return { reference, resolution, found: undefined };
}

export class Checker {
  /** A target resolves the same wherever it is cited, until a definition or the configuration changes. */
  private readonly byTarget = new Map<string, Resolution>();
  private readonly titlesByTarget = new Map<string, readonly string[]>();
  private readonly resolverSources: ResolverSources;
  /** The drafts' own checks: whether each still applies, and their conflicts. */
  readonly amendments: AmendmentChecks;

  constructor(private readonly sources: CheckSources, private readonly settings: CheckSettings) {
    this.amendments = new AmendmentChecks(sources, settings.catalogue?.version);
    this.resolverSources = {
      workspace: sources.definitionOf,
      deletedBy: sources.deletedBy,
      anyDeleted: sources.anyDeleted,
      catalogue: settings.catalogue,
      deprecations: new Map(settings.deprecations.map((deprecation) => [deprecation.target, deprecation])),
    };
  }

  /** Definitions changed: what was worked out per target no longer holds. */
  forget(): void {
    this.byTarget.clear();
    this.titlesByTarget.clear();
    this.amendments.forget();
  }

  resolve(reference: Reference): Resolution {
    if (reference.kind !== 'sec' || reference.target === null) return resolveReference(reference, this.resolverSources);
    return this.resolveId(reference.target);
  }

  /** What a citation of this id resolves to. */
  resolveId(target: string): Resolution {
    let resolution = this.byTarget.get(target);
    if (resolution === undefined) {
      resolution = resolveTarget(target, this.resolverSources);
      this.byTarget.set(target, resolution);
    }
    return resolution;
  }

  /** The real titles and names a cited title may match. */
  titlesOf(target: string): readonly string[] {
    let titles = this.titlesByTarget.get(target);
    if (titles === undefined) {
      titles = this.findTitles(target);
      this.titlesByTarget.set(target, titles);
    }
    return titles;
  }

  /** The diagnostics of the file `uri`: its parse's own, its references' and its instructions', by offset, severities applied. */
  diagnostics(uri: string, parseProblems: readonly CoreDiagnostic[], references: readonly ResolvedReference[], instructions: readonly Instruction[]): CoreDiagnostic[] {
    let found = referenceDiagnostics(references, (target) => this.titlesOf(target));
    if (instructions.length > 0) {
      // "Delete Section X5.3:" over the clause struck through names what it deletes: that is no citation of deleted text.
      found = found.filter((diagnostic) => diagnostic.code !== 'reference-to-deleted' || !instructions.some(({ targetStart }) => diagnostic.start <= targetStart && targetStart < diagnostic.end));
      found.push(...instructionDiagnostics(instructions, this.sources, uri), ...this.amendments.diagnostics(uri));
    }
    return applySeverities(parseProblems.concat(found), this.settings.severities).sort((a, b) => a.start - b.start);
  }

  /** Diagnostics found elsewhere (the defined terms'), with this configuration's severities. */
  withSeverities(diagnostics: CoreDiagnostic[]): CoreDiagnostic[] {
    return applySeverities(diagnostics, this.settings.severities);
  }

  private findTitles(target: string): string[] {
    const { catalogue, names } = this.settings;
    const titles: string[] = [];
    const add = (title: string | undefined): void => {
      if (title && !titles.includes(title)) titles.push(title);
    };
    add(this.sources.definitionOf(target)?.unit.title);
    add(catalogue?.get(target)?.title);
    for (let id: string | null = target; id !== null; id = parentId(id)) {
      if (id !== target && !id.startsWith('Schedule') && !id.startsWith('Appendix')) break;
      for (const name of names.namesOf(id)) add(name);
      if (id !== target) {
        add(this.sources.definitionOf(id)?.unit.title);
        add(catalogue?.get(id)?.title);
      }
    }
    return titles;
  }
}
