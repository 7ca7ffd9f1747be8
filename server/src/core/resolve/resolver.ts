// References → targets and statuses. Resolution looks at the workspace text first, then the
// embedded catalogue, then the configuration's deprecations. It does no IO: the sources are
// lookups handed in by the index.

import type { Catalogue } from '../catalogue/catalogue';
import type { CatalogueEntry } from '../catalogue/types';
import type { ConfigDeprecation } from '../config/config';
import { ancestorIds, levelOf, parentId, rootDocumentId, shortLabel, TargetLevel } from '../model/ids';
import type { Reference, Unit } from '../model/types';
import { fileName } from '../model/uris';
import type { Resolution, WorkspaceDefinition } from './statuses';

export interface ResolverSources {
  workspace: (id: string) => WorkspaceDefinition | undefined;
  /** Files whose tracked changes delete an id (none: undefined). */
  deletedBy?: (id: string) => readonly string[] | undefined;
  /** False when no file deletes anything: most workspaces, most of the time. */
  anyDeleted?: () => boolean;
  catalogue: Catalogue | null;
  deprecations: ReadonlyMap<string, ConfigDeprecation>;
}

const CATALOGUE_ENUMERATES: Partial<Record<string, TargetLevel[]>> = {
  section: ['part'],
  document: ['version'],
};

/** Does this workspace unit's text show all its children of the given level? */
function workspaceEnumerates(unit: Unit, childLevel: TargetLevel): boolean {
  switch (unit.kind) {
    case 'section':
      return childLevel === 'part' && unit.childCount > 0;
    case 'part':
      // A Part known only from some of its clauses (an excerpt, an amendment's insertion) does not list them all.
      return childLevel === 'clause' && unit.childCount > 0 && unit.labelEnd > unit.labelStart;
    case 'schedule':
    case 'appendix':
      return (childLevel === 'docClause' && unit.childCount > 0) || childLevel === 'version';
    case 'clause':
    case 'paragraph':
    case 'docClause':
      return childLevel === 'paragraph' || childLevel === 'docClause';
    default:
      return false;
  }
}

function describeLevel(level: TargetLevel): string {
  switch (level) {
    case 'part': return 'Part';
    case 'clause': return 'clause';
    case 'paragraph': return 'paragraph';
    case 'version': return 'version';
    case 'docClause': return 'clause';
    default: return 'unit';
  }
}

function deprecationOf(target: string, sources: ResolverSources): { reason: string; replacement?: string; id: string } | null {
  if (sources.deprecations.size === 0 && !sources.catalogue?.hasDeprecations) return null;
  for (const id of [target, ...ancestorIds(target)]) {
    const configured = sources.deprecations.get(id) ?? sources.catalogue?.deprecation(id);
    if (configured) return { reason: configured.reason, replacement: configured.replacement, id };
  }
  return null;
}

function find(id: string, sources: ResolverSources): { definition?: WorkspaceDefinition; entry?: CatalogueEntry } | null {
  const definition = sources.workspace(id);
  const entry = sources.catalogue?.get(id);
  if (!definition && !entry) return null;
  return { definition, entry };
}

/** A target that an amendment deletes may still exist elsewhere, but must not be cited. */
function deletion(target: string, sources: ResolverSources): { id: string; files: readonly string[] } | null {
  if (!sources.deletedBy || sources.anyDeleted?.() === false) return null;
  for (let id: string | null = target; id !== null; id = parentId(id)) {
    const files = sources.deletedBy(id);
    if (files && files.length > 0) return { id, files };
  }
  return null;
}

/** A modification proposal is known when the catalogue's Version Control names it; one in progress is in no catalogue. */
function modification(target: string, sources: ResolverSources): Resolution {
  const catalogue = sources.catalogue;
  if (catalogue?.namesModification(target)) {
    return { status: 'ok', target, reason: `${target} is named in the Version Control table of ${catalogue.describe()}.` };
  }
  const where = catalogue ? `the Version Control table of ${catalogue.describe()} does not name it` : 'the SEC catalogue is switched off';
  return { status: 'unverified', target, reason: `${target} is a modification proposal whose text is not in the workspace, and ${where}.` };
}

export function resolveTarget(target: string, sources: ResolverSources): Resolution {
  const resolution = resolveExisting(target, sources);
  const deleted = resolution.status === 'ok' || resolution.status === 'broken' || resolution.status === 'deprecated' ? deletion(target, sources) : null;
  if (!deleted) return resolution;
  return {
    ...resolution,
    status: 'deprecated',
    deletedBy: deleted.files,
    reason: `${deleted.id} is deleted by ${deleted.files.map(fileName).join(', ')}.`,
  };
}

function resolveExisting(target: string, sources: ResolverSources): Resolution {
  const found = find(target, sources);
  const level = levelOf(target);
  if (found) {
    const resolution: Resolution = { status: 'ok', target, definition: found.definition, catalogueEntry: found.entry };
    const deprecation = deprecationOf(target, sources);
    if (found.definition?.unit.notUsed) {
      resolution.status = 'deprecated';
      resolution.reason = `${target} is marked as not used.`;
    } else if (deprecation) {
      resolution.status = 'deprecated';
      resolution.reason = deprecation.reason;
      resolution.replacement = deprecation.replacement;
    } else if (found.definition?.unit.withinNotUsed) {
      const notUsedAncestor = ancestorIds(target).find((id) => sources.workspace(id)?.unit.notUsed);
      resolution.status = 'deprecated';
      resolution.reason = `${notUsedAncestor ?? 'An enclosing unit'} is marked as not used.`;
    }
    return resolution;
  }
  if (level === 'modification') return modification(target, sources);
  // Missing: walk up to the nearest unit that exists and ask whether it lists its children.
  let child = target;
  for (const ancestor of ancestorIds(target)) {
    const container = find(ancestor, sources);
    if (!container) {
      child = ancestor;
      continue;
    }
    const childLevel = levelOf(child);
    const deprecation = deprecationOf(ancestor, sources);
    if (container.definition?.unit.notUsed || deprecation) {
      return {
        status: 'deprecated', target, definition: container.definition, catalogueEntry: container.entry, nearestExisting: ancestor,
        reason: deprecation ? deprecation.reason : `${ancestor} is marked as not used.`,
        replacement: deprecation?.replacement,
      };
    }
    const listedInWorkspace = container.definition !== undefined && workspaceEnumerates(container.definition.unit, childLevel);
    const listedInCatalogue = container.entry !== undefined && (CATALOGUE_ENUMERATES[container.entry.kind] ?? []).includes(childLevel);
    const missing = `${ancestor} has no ${describeLevel(childLevel)} ${shortLabel(child).replace(/^.* /, '')}`;
    if (listedInWorkspace) {
      return { status: 'broken', target, nearestExisting: ancestor, catalogueEntry: container.entry, reason: `${missing} in the workspace.` };
    }
    if (listedInCatalogue) {
      // Only the catalogue, a snapshot of one version of the Code, says so: a later version may have it.
      return {
        status: 'unverified', notInCatalogue: true, target, nearestExisting: ancestor, catalogueEntry: container.entry,
        definition: container.definition, reason: `${missing} in ${sources.catalogue!.describe()}.`,
      };
    }
    return {
      status: 'unverified', target, nearestExisting: ancestor, catalogueEntry: container.entry,
      definition: container.definition,
      reason: `${ancestor} is known${container.entry ? ' to the SEC catalogue' : ''}, but its text is not in the workspace, so ${target} cannot be checked.`,
    };
  }
  const root = rootDocumentId(target);
  if (sources.catalogue) {
    return { status: 'unverified', notInCatalogue: true, target, reason: `${root} is not in ${sources.catalogue.describe()}.` };
  }
  return { status: 'unverified', target, reason: `${root} is not in the workspace (the SEC catalogue is switched off).` };
}

export function resolveReference(reference: Reference, sources: ResolverSources): Resolution {
  if (reference.kind === 'external') return { status: 'external', target: null };
  if (reference.kind === 'ambiguous' || reference.target === null) {
    return { status: 'ambiguous', target: null, reason: `"${reference.text}" does not say which document it belongs to.` };
  }
  return resolveTarget(reference.target, sources);
}
