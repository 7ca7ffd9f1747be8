// The user README beside the server on disk, and the line of each code's explanation in it
// (core/text/readmeAnchors.ts says which README and where).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { anchorLines, readmeNames } from '../core/text/readmeAnchors';
import { readTextFile } from './readTextFile';

export { USER_README } from '../core/text/readmeAnchors';

export interface CodeExplanation {
  /** The file that explains the code. */
  path: string;
  /** 1-based, as `#L` links count. */
  line: number;
}

function readmesIn(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return readmeNames(names).map((name) => join(folder, name));
}

/**
 * The first README in these folders, in order, that explains codes: code → its line. Empty
 * when there is none (a server copied somewhere on its own): diagnostics then carry no link.
 */
export function codeExplanations(folders: readonly string[]): Map<string, CodeExplanation> {
  for (const path of folders.flatMap(readmesIn)) {
    let text: string;
    try {
      text = readTextFile(path);
    } catch {
      continue;
    }
    const lines = anchorLines(text);
    if (lines.size > 0) return new Map([...lines].map(([code, line]) => [code, { path, line }]));
  }
  return new Map();
}
