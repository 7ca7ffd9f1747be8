// Where each diagnostic code is explained: the row of the "Diagnostic codes" table that carries
// its anchor (<a id="broken-reference"></a>) in the user README shipped with the server. In the
// repository that README is README.extension.md; `vsce package --readme-path` ships it as
// readme.md, in lower case whatever it was called. A link to a line (#L12) is what VS Code opens
// at that line; an anchor would open the file at its top. Reading the folder and the file is the
// caller's (node/codeExplanations.ts from the disk, web/ through the editor).

/** The user README's name in the repository; in a package, any spelling of readme.md. */
export const USER_README = 'README.extension.md';
const PACKAGED_README = /^readme\.md$/i;
const ANCHOR = /<a id="([a-z][a-z-]*)"><\/a>/g;

/** The READMEs among a folder's entries, in the order they are tried: the user README, then a package's readme.md. */
export function readmeNames(names: readonly string[]): string[] {
  return [...names.filter((name) => name === USER_README), ...names.filter((name) => PACKAGED_README.test(name))];
}

/** Each code explained in a README, with the 1-based line of its anchor (as `#L` links count); empty when it explains none. */
export function anchorLines(text: string): Map<string, number> {
  const found = new Map<string, number>();
  text.split(/\r?\n/).forEach((content, at) => {
    for (const match of content.matchAll(ANCHOR)) if (!found.has(match[1])) found.set(match[1], at + 1);
  });
  return found;
}
