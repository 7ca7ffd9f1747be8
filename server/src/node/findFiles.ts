// File-system access for the CLI and the server: the only place that walks folders.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { GlobSet } from '../core/text/globs';

export const SEC_EXTENSION = '.sec';
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * A matcher for exclusion globs, relative to a root folder ("drafts/old/**", "**\/*.tmp.sec");
 * globs that cannot be used are left out (core/text/globs.ts says which and why).
 */
export function excluder(root: string, patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const globs = new GlobSet(patterns);
  return (path) => {
    const rel = relative(root, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && globs.excludes(rel);
  };
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** A symbolic link to a `.sec` file inside the folder searched; links that leave it are not followed. */
function linkedFileInside(path: string, realRoot: string): boolean {
  try {
    const target = realpathSync(path);
    return isInside(realRoot, target) && statSync(target).isFile();
  } catch {
    return false; // a dangling or looping link is not a file to check
  }
}

/**
 * Every `*.sec` file under a folder, sorted, skipping VCS folders, node_modules and excluded
 * paths. Linked folders are not entered, and a linked file counts only when it lies inside
 * the folder: a cloned repository cannot make the checker read files elsewhere on the disk.
 */
export function findSecFiles(folder: string, isExcluded: (path: string) => boolean = () => false): string[] {
  const found: string[] = [];
  let realRoot: string;
  try {
    realRoot = realpathSync(folder);
  } catch {
    return found;
  }
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // An unreadable folder inside the workspace is skipped, like editors do.
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (isExcluded(path)) continue;
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(entry.name)) walk(path);
      } else if (entry.name.endsWith(SEC_EXTENSION) && (entry.isFile() || (entry.isSymbolicLink() && linkedFileInside(path, realRoot)))) {
        found.push(path);
      }
    }
  };
  walk(folder);
  return found.sort();
}
