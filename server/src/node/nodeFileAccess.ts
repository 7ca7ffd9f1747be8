// The language server's FileAccess in a Node process: file: URIs read from the disk by the same
// readers as the CLI. Anything else (a virtual workspace, such as a GitHub repository opened
// without a clone) is not on this disk and goes to `elsewhere`: the editor's own access when
// the client offers one (web/clientFileAccess.ts), else it reads as missing.
import { URI } from 'vscode-uri';
import type { FileAccess } from '../core/model/fileAccess';
import { readCatalogueFiles } from './catalogueFiles';
import { codeExplanations } from './codeExplanations';
import { excluder, findSecFiles } from './findFiles';
import { readSourceFile, readTextFile, UnreadableFileError } from './readTextFile';

/** No files at all: where neither the disk nor the editor can be read. */
export const NO_FILES: FileAccess = {
  readTexts: async (uris) => uris.map(() => null),
  findSecFiles: async () => [],
  excluder: () => () => false,
  readCatalogueFiles: async () => ({ files: [], error: 'no such file or folder' }),
  codeExplanations: async () => new Map(),
  whyUnreadable: async () => ({ message: 'no such file' }),
};

function diskPath(uri: string): string | null {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : null;
}

function readDisk(path: string): string | null {
  try {
    return readTextFile(path);
  } catch {
    return null;
  }
}

/** `readmeFolders`: where the user README may lie beside the server (a package's root, the repository's). */
export function nodeFileAccess(readmeFolders: readonly string[], elsewhere: FileAccess = NO_FILES): FileAccess {
  return {
    async readTexts(uris) {
      const notOnDisk = uris.filter((uri) => diskPath(uri) === null);
      const fromElsewhere = notOnDisk.length > 0 ? await elsewhere.readTexts(notOnDisk) : [];
      let next = 0;
      return uris.map((uri) => {
        const path = diskPath(uri);
        return path === null ? fromElsewhere[next++] ?? null : readDisk(path);
      });
    },
    async findSecFiles(folder, exclude) {
      const root = diskPath(folder);
      if (root === null) return elsewhere.findSecFiles(folder, exclude);
      return findSecFiles(root, excluder(root, exclude)).map((path) => URI.file(path).toString());
    },
    excluder(folder, exclude) {
      const root = diskPath(folder);
      if (root === null) return elsewhere.excluder(folder, exclude);
      const matches = excluder(root, exclude);
      return (uri) => {
        const path = diskPath(uri);
        return path !== null && matches(path);
      };
    },
    async readCatalogueFiles(folder, configured) {
      const root = diskPath(folder);
      return root === null ? elsewhere.readCatalogueFiles(folder, configured) : readCatalogueFiles(root, configured);
    },
    async codeExplanations() {
      const found = codeExplanations(readmeFolders);
      return new Map([...found].map(([code, { path, line }]) => [code, `${URI.file(path).toString()}#L${line}`]));
    },
    async whyUnreadable(uri) {
      const path = diskPath(uri);
      if (path === null) return elsewhere.whyUnreadable(uri);
      try {
        const source = readSourceFile(path);
        return 'tooLarge' in source ? { tooLarge: source.tooLarge } : { message: 'it changed while it was read' };
      } catch (error) {
        return { message: error instanceof UnreadableFileError ? error.message : String(error) };
      }
    },
  };
}
