// Id → the workspace units that define it. Nearly every id is defined once, so the map holds
// the preferred definition itself and keeps an ordered list only for ids defined more than
// once: loading a workspace then allocates no list per id.

import type { Unit } from '../model/types';
import type { WorkspaceDefinition } from '../resolve/statuses';

/** False for a Part implied by its clauses alone (an amendment inserting "H4.14 ..."): it has no heading of its own. */
function written(unit: Unit): boolean {
  return unit.labelEnd > unit.labelStart;
}

/** Written units before implied ones, then by uri: features and the resolver use the first. */
export function before(a: WorkspaceDefinition, b: WorkspaceDefinition): boolean {
  return written(a.unit) !== written(b.unit) ? written(a.unit) : a.uri < b.uri;
}

function insertOrdered(list: WorkspaceDefinition[], definition: WorkspaceDefinition): void {
  let at = list.length;
  while (at > 0 && before(definition, list[at - 1])) at--;
  list.splice(at, 0, definition);
}

/** What the resolver and features ask of the workspace's definitions. */
export interface DefinitionLookup {
  first(id: string): WorkspaceDefinition | undefined;
  all(id: string): readonly WorkspaceDefinition[];
  firstMatching<T>(id: string, pick: (definition: WorkspaceDefinition) => T | undefined): T | undefined;
}

export class DefinitionMap implements DefinitionLookup {
  private readonly preferred = new Map<string, WorkspaceDefinition>();
  private readonly several = new Map<string, WorkspaceDefinition[]>();

  /** The definition that counts (an amendment's inserted clause does not stand for the Part). */
  first(id: string): WorkspaceDefinition | undefined {
    return this.preferred.get(id);
  }

  all(id: string): readonly WorkspaceDefinition[] {
    const list = this.several.get(id);
    if (list) return list;
    const only = this.preferred.get(id);
    return only ? [only] : [];
  }

  /** The first definition of an id, in order, for which `pick` finds something. */
  firstMatching<T>(id: string, pick: (definition: WorkspaceDefinition) => T | undefined): T | undefined {
    const list = this.several.get(id);
    if (!list) {
      const only = this.preferred.get(id);
      return only ? pick(only) : undefined;
    }
    for (const definition of list) {
      const found = pick(definition);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  add(id: string, definition: WorkspaceDefinition): void {
    const only = this.preferred.get(id);
    if (!only) {
      this.preferred.set(id, definition);
      return;
    }
    const list = this.several.get(id) ?? [only];
    insertOrdered(list, definition);
    this.several.set(id, list);
    this.preferred.set(id, list[0]);
  }

  /** A file's definition of an id now has this unit; false if the file did not define it. */
  update(id: string, uri: string, unit: Unit): boolean {
    const list = this.several.get(id);
    const existing = list ? list.find((definition) => definition.uri === uri) : this.preferred.get(id);
    if (!existing || existing.uri !== uri) return false;
    const reorder = written(existing.unit) !== written(unit);
    existing.unit = unit;
    if (reorder && list) {
      list.splice(list.indexOf(existing), 1);
      insertOrdered(list, existing);
      this.preferred.set(id, list[0]);
    }
    return true;
  }

  /** Forgets a file's definition of an id; true when the id is now defined nowhere. */
  remove(id: string, uri: string): boolean {
    const remaining = this.all(id).filter((definition) => definition.uri !== uri);
    this.several.delete(id);
    if (remaining.length === 0) {
      this.preferred.delete(id);
      return true;
    }
    this.preferred.set(id, remaining[0]);
    if (remaining.length > 1) this.several.set(id, remaining);
    return false;
  }
}
