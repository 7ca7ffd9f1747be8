// Random edits for the incremental property tests: whole texts set, files removed, keystrokes
// typed (told where, as the server tells the index, or not). `applyStep` plays one on an index
// and on the map of texts the test keeps, and returns the files the index names as affected.
import fc from 'fast-check';
import type { EditorIndex } from '../../server/src/core/index/editorIndex';

export type Edit =
  | { kind: 'set'; uri: string; lines: string[] }
  | { kind: 'remove'; uri: string }
  | { kind: 'type'; uri: string; at: number; removed: number; inserted: string; hinted: boolean }
  | { kind: 'prepare' };

export interface EditShapes {
  uris: readonly string[];
  lines: readonly string[];
  inserted: readonly string[];
  maxLines: number;
  /** Include "prepare" steps (the editor working out every file's dependencies once loaded). */
  prepare?: boolean;
}

export function edits(shapes: EditShapes): fc.Arbitrary<Edit> {
  const steps: Array<fc.Arbitrary<Edit>> = [
    fc.record({ kind: fc.constant('set' as const), uri: fc.constantFrom(...shapes.uris), lines: fc.array(fc.constantFrom(...shapes.lines), { maxLength: shapes.maxLines }) }),
    fc.record({ kind: fc.constant('remove' as const), uri: fc.constantFrom(...shapes.uris) }),
    fc.record({
      kind: fc.constant('type' as const), uri: fc.constantFrom(...shapes.uris), at: fc.nat(400), removed: fc.nat(4),
      inserted: fc.constantFrom(...shapes.inserted), hinted: fc.boolean(),
    }),
  ];
  if (shapes.prepare) steps.push(fc.record({ kind: fc.constant('prepare' as const) }));
  return fc.oneof(...steps);
}

/** Plays one step; returns the files the index says it affected (none for a keystroke in a file that does not exist). */
export function applyStep(index: EditorIndex, contents: Map<string, string>, step: Edit): string[] {
  if (step.kind === 'set') {
    const text = step.lines.join('\n');
    contents.set(step.uri, text);
    return index.updateFile(step.uri, text);
  }
  if (step.kind === 'type') {
    const current = contents.get(step.uri);
    if (current === undefined) return [];
    const at = Math.min(step.at, current.length);
    const end = Math.min(current.length, at + step.removed);
    const text = current.slice(0, at) + step.inserted + current.slice(end);
    contents.set(step.uri, text);
    return index.updateFile(step.uri, text, step.hinted ? { start: at, end, newLength: step.inserted.length } : undefined);
  }
  if (step.kind === 'prepare') {
    index.prepareIncremental();
    return [];
  }
  contents.delete(step.uri);
  return index.removeFile(step.uri);
}
