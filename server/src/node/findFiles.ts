// File-system access for the CLI and the server: the only place that walks folders.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

export const SEC_EXTENSION = '.sec';
const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

/** A matcher for exclusion globs, relative to a root folder ("drafts/old/**", "**\/*.tmp.sec"). */
export function excluder(root: string, patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const match = picomatch(patterns as string[], { dot: true });
  return (path) => {
    const rel = relative(root, path).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && (match(rel) || match(`${rel}/`));
  };
}

/** Every `*.sec` file under a folder, sorted, skipping VCS folders, node_modules and excluded paths. */
export function findSecFiles(folder: string, isExcluded: (path: string) => boolean = () => false): string[] {
  const found: string[] = [];
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
      } else if (entry.isFile() && entry.name.endsWith(SEC_EXTENSION)) {
        found.push(path);
      } else if (entry.isSymbolicLink()) {
        try {
          const stats = statSync(path);
          if (stats.isFile() && entry.name.endsWith(SEC_EXTENSION)) found.push(path);
        } catch {
          // A dangling link is not a file to check.
        }
      }
    }
  };
  walk(folder);
  return found.sort();
}
