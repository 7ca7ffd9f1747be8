import { cpSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface FolderCopy {
  /** Files of the source folder left out of the copy (absolute paths). */
  leaveOut: ReadonlySet<string>;
  /** New texts for files of the source folder (absolute paths). */
  replace: ReadonlyMap<string, string>;
  /** Files the copy has that the source folder has not (paths relative to the copy). */
  add: ReadonlyMap<string, string>;
}

/** Is `folder` missing, or an empty folder? */
export function isFreeFolder(folder: string): boolean {
  try {
    return statSync(folder).isDirectory() && readdirSync(folder).length === 0;
  } catch {
    return true;
  }
}

/** Copies what is kept of a folder; a folder left with nothing to copy is not made at all. */
function copyInto(from: string, to: string, copy: FolderCopy): void {
  let made = false;
  const make = (): void => {
    if (!made) mkdirSync(to, { recursive: true });
    made = true;
  };
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (copy.leaveOut.has(source) || (entry.isDirectory() && ALWAYS_SKIPPED.has(entry.name))) continue;
    if (entry.isDirectory()) copyInto(source, target, copy);
    else if (copy.replace.has(source)) {
      make();
      writeFileSync(target, copy.replace.get(source)!);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      make();
      cpSync(source, target, { dereference: true });
    }
  }
}

/**
 * Copies the folder `from` to `to`, which must be free (missing or empty), with the changes
 * `copy` says, whole or not at all: the copy is made in a temporary folder beside `to` and
 * renamed into place once complete, so a failure leaves nothing behind.
 */
export function writeFolderCopy(from: string, to: string, copy: FolderCopy): void {
  const temporary = join(dirname(to), `.${basename(to)}.${process.pid}.tmp`);
  try {
    mkdirSync(temporary);
    copyInto(from, temporary, copy);
    for (const [path, text] of copy.add) {
      mkdirSync(dirname(join(temporary, path)), { recursive: true });
      writeFileSync(join(temporary, path), text);
    }
    // An empty folder makes way for the copy; a missing one needs none.
    if (statSync(to, { throwIfNoEntry: false })) rmdirSync(to);
    renameSync(temporary, to);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
