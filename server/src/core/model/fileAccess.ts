// How the language server reads the files it does not get from the editor's open documents:
// the workspace's *.sec files, sec.config.json, the catalogue it names and the README that
// explains each diagnostic code. In a Node process they are read from the disk (node/); in a
// web worker, where there is no disk, the editor is asked for them (web/). The server's
// lifecycle (lsp/languageServer.ts) sees only this interface, so it runs unchanged in both;
// the CLI reads the disk through node/ directly. Files are named by URI, not by path: in a
// browser a workspace folder is rarely on a disk (vscode-vfs:, vscode-remote:, ...).

/** The files sec.config.json's "catalogue" names, read: what core/catalogue/load.ts turns into a catalogue. */
export interface CatalogueFiles {
  /** `name` is the path as the configuration writes it (a folder's files: that path, then the file's name). */
  files: Array<{ name: string; text: string }>;
  /** Why nothing could be read (the path is missing or unreadable). */
  error?: string;
}

export interface FileAccess {
  /**
   * Each file's text, in order (UTF-8, without a byte-order mark), or null for a file that
   * cannot be read. Asked for many files at once: in a browser each call is a round trip.
   */
  readTexts(uris: readonly string[]): Promise<Array<string | null>>;
  /**
   * Every `*.sec` file under a workspace folder, sorted, but for those that `exclude` (globs
   * relative to the folder) matches and version-control and node_modules folders.
   */
  findSecFiles(folder: string, exclude: readonly string[]): Promise<string[]>;
  /** Whether the globs `exclude`, relative to a workspace folder, exclude a file (false for a file outside the folder). */
  excluder(folder: string, exclude: readonly string[]): (uri: string) => boolean;
  /** What sec.config.json's `"catalogue": "path"` names, relative to the workspace folder: one file, or the *.txt and *.json files of a folder. */
  readCatalogueFiles(folder: string, configured: string): Promise<CatalogueFiles>;
  /**
   * Each diagnostic code's explanation link (code → URI with `#L<line>`), from the user README
   * shipped beside the server; empty when there is none, and diagnostics then carry no link.
   */
  codeExplanations(): Promise<Map<string, string>>;
  /** Why a file that `readTexts` gave as null could not be read: too large (its size in bytes), or a message. */
  whyUnreadable(uri: string): Promise<UnreadableReason>;
}

export type UnreadableReason = { tooLarge: number } | { message: string };

/** The files the server indexes. */
export const SEC_FILE_EXTENSION = '.sec';

/** The files of a catalogue folder that are read (a Contents page as text, or a catalogue as JSON). */
export const CATALOGUE_FILE_NAME = /\.(txt|json)$/i;
