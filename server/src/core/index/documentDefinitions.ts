// Id → the workspace units that define it, for a one-shot check. Building a map of every id
// the workspace defines (some 60,000 for the whole SEC) costs more than a check's lookups
// (one per distinct target): here each file is only filed under the documents it has text of
// (Section H, Appendix AK, Schedule 8...), and an id is looked up in those files' own tables
// when it is asked for. Same answers, in the same order, as DefinitionMap. Sections are filed
// by Part (a Section's text is often split over several files), so that a lookup nearly
// always reads one file's table.

import type { WorkspaceDefinition } from '../resolve/statuses';
import { before, DefinitionLookup } from './definitionMap';
import type { FileSummary } from './summary';

/** `Section H4` for `Section H4.3(a)`, `Section H` for itself, `Appendix AK` for `Appendix AK 4.2`, `Schedule 8` for `Schedule 8 v3.2`. */
export function documentKeyOf(id: string): string {
  if (id.startsWith('Section ')) {
    let end = 9;
    while (end < id.length && id.charCodeAt(end) !== 46 && id.charCodeAt(end) !== 40) end++;
    return end === id.length ? id : id.slice(0, end);
  }
  if (id.startsWith('Schedule ') || id.startsWith('Appendix ')) {
    const space = id.indexOf(' ', 9);
    return space === -1 ? id : id.slice(0, space);
  }
  return id;
}

export class DocumentDefinitions implements DefinitionLookup {
  /** Document key → the files with text of it, in the order files were added. */
  private readonly filesByDocument = new Map<string, FileSummary[]>();
  private readonly keysByFile = new Map<string, string[]>();

  /** Files (or replaces) a file under every document it has text of. */
  set(summary: FileSummary): void {
    this.delete(summary.uri);
    const keys: string[] = [];
    const { units } = summary.parsed;
    // Every unit lies in its top-level unit's document, and every clause in a Part (written or implied).
    for (let i = 0; i < units.length; i++) {
      if (units[i].parent !== -1 && units[i].kind !== 'part') continue;
      const key = documentKeyOf(units[i].id);
      if (keys.includes(key)) continue;
      keys.push(key);
      const files = this.filesByDocument.get(key);
      if (files) files.push(summary);
      else this.filesByDocument.set(key, [summary]);
    }
    this.keysByFile.set(summary.uri, keys);
  }

  delete(uri: string): void {
    for (const key of this.keysByFile.get(uri) ?? []) {
      const remaining = this.filesByDocument.get(key)!.filter((file) => file.uri !== uri);
      if (remaining.length > 0) this.filesByDocument.set(key, remaining);
      else this.filesByDocument.delete(key);
    }
    this.keysByFile.delete(uri);
  }

  /** The definition that counts: a written unit before an implied one, then by uri. */
  first(id: string): WorkspaceDefinition | undefined {
    const files = this.filesByDocument.get(documentKeyOf(id));
    if (!files) return undefined;
    let best: WorkspaceDefinition | undefined;
    for (let i = 0; i < files.length; i++) {
      const unit = files[i].unitOf(id);
      if (!unit) continue;
      const definition = { uri: files[i].uri, unit };
      if (!best || before(definition, best)) best = definition;
    }
    return best;
  }

  all(id: string): readonly WorkspaceDefinition[] {
    const files = this.filesByDocument.get(documentKeyOf(id));
    if (!files) return [];
    const found: WorkspaceDefinition[] = [];
    for (const file of files) {
      const unit = file.unitOf(id);
      if (unit) found.push({ uri: file.uri, unit });
    }
    return found.length > 1 ? found.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)) : found;
  }

  /** The first definition of an id, in order, for which `pick` finds something. */
  firstMatching<T>(id: string, pick: (definition: WorkspaceDefinition) => T | undefined): T | undefined {
    const files = this.filesByDocument.get(documentKeyOf(id));
    if (!files) return undefined;
    if (files.length === 1) {
      const unit = files[0].unitOf(id);
      return unit ? pick({ uri: files[0].uri, unit }) : undefined;
    }
    for (const definition of this.all(id)) {
      const found = pick(definition);
      if (found !== undefined) return found;
    }
    return undefined;
  }
}
