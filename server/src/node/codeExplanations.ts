// Where each diagnostic code is explained: the row of the "Diagnostic codes" table that carries
// its anchor (<a id="broken-reference"></a>) in the user README shipped with the server. In the
// repository that README is README.extension.md; `vsce package --readme-path` ships it as
// readme.md, in lower case whatever it was called. A link to a line (#L12) is what VS Code opens
// at that line; an anchor would open the file at its top.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readTextFile } from './readTextFile';

/** The user README's name in the repository; in a package, any spelling of readme.md. */
export const USER_README = 'README.extension.md';
const PACKAGED_README = /^readme\.md$/i;
const ANCHOR = /<a id="([a-z][a-z-]*)"><\/a>/g;

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
  return [...names.filter((name) => name === USER_README), ...names.filter((name) => PACKAGED_README.test(name))].map((name) => join(folder, name));
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
    const found = new Map<string, CodeExplanation>();
    text.split(/\r?\n/).forEach((content, at) => {
      for (const match of content.matchAll(ANCHOR)) if (!found.has(match[1])) found.set(match[1], { path, line: at + 1 });
    });
    if (found.size > 0) return found;
  }
  return new Map();
}
