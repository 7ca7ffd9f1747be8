// The vocabulary the VS Code client and the language server share: custom request names,
// command ids, URI schemes and the shapes that cross the wire with them. Both sides import
// this one module, so a request renamed on one side cannot leave the other listening for
// the old name, and a parameter changed on one side fails to compile on the other.
// It imports nothing: the client bundle pulls it in, and every server layer may use it.

/** A position as LSP counts it (0-based line, UTF-16 character); LSP's Position satisfies it. */
export interface CursorPosition {
  line: number;
  character: number;
}

/**
 * A custom request: its method name, with its parameter and result types attached so that
 * the client's send and the server's handler are checked against the same declaration.
 */
export interface CustomRequest<Params, Result> {
  readonly method: string;
  /** Never set: it only carries the types. */
  readonly types?: { params: Params; result: Result };
}

export interface DocumentParams {
  uri: string;
}

/** The text of a read-only catalogue document (a `sec-catalogue:` URI), laid out as SEC text, or null for an unknown entry. */
export const catalogueDocumentRequest: CustomRequest<DocumentParams, string | null> = { method: 'sec/catalogueDocument' };

/** A workspace file with every tracked change accepted, or null when the file is not in the workspace. */
export const amendedTextRequest: CustomRequest<DocumentParams, string | null> = { method: 'sec/amendedText' };

export interface RedlineParams extends DocumentParams {
  /** The heading of the standalone document; the file's name when absent. */
  title?: string;
}

export interface Redline {
  /** The redline's HTML body, to embed in a page that carries `style`. */
  body: string;
  style: string;
  /** A standalone HTML document, for export. */
  document: string;
}

/** A workspace file as a redline, or null when the file is not in the workspace. */
export const redlineRequest: CustomRequest<RedlineParams, Redline | null> = { method: 'sec/redline' };

// ---- The workspace's files, read by the editor ---------------------------------------------------
// Where the server cannot read the disk (a web worker in VS Code for the Web, or a folder that
// is not on disk, such as github.dev's), it asks the editor for the files instead: the client
// answers these requests through vscode.workspace (findFiles and fs), so they work on any file
// system the editor can open. The server asks only after the client has said it answers them
// (`InitializationOptions.workspaceFiles`).

export interface FindFilesParams {
  /** The folder searched, a URI. */
  folder: string;
  /** Globs relative to the folder, of files and folders the search may skip. */
  exclude: string[];
}

/** Every `*.sec` file under a folder (URIs, in any order); the server still applies its own exclusion to what comes back. */
export const findFilesRequest: CustomRequest<FindFilesParams, string[]> = { method: 'sec/findFiles' };

export interface ReadFilesParams {
  uris: string[];
}

/** Each file's text, in the order asked (UTF-8, without a byte-order mark), or null for a file that cannot be read. */
export const readFilesRequest: CustomRequest<ReadFilesParams, Array<string | null>> = { method: 'sec/readFiles' };

/** The names of the files and folders in a folder, or null when the URI is not a folder that can be read. */
export const readDirectoryRequest: CustomRequest<DocumentParams, string[] | null> = { method: 'sec/readDirectory' };

/** A range as LSP counts it. */
export interface TextRange {
  start: CursorPosition;
  end: CursorPosition;
}

/** One instruction of a draft, as the client lists it. */
export interface DraftChangeLocation {
  uri: string;
  /** The instruction's own words ("Amend Section H4.10 as follows:"). */
  range: TextRange;
  /** What it does: "SECMP0099 amends Section H4.10". */
  description: string;
}

/** Two changes from two drafts that meet on a unit. */
export interface ConflictPair {
  first: DraftChangeLocation;
  second: DraftChangeLocation;
  /** They change different words and either order gives the same text; otherwise they conflict. */
  appliesCleanly: boolean;
  /** What the pair comes to: "conflict: they change the same words". */
  verdict: string;
}

export interface ConsolidatedFile {
  /** The baseline file. */
  uri: string;
  baseline: string;
  consolidated: string;
}

export interface ConsolidationPreview {
  /** The drafts applied, in order: the file itself when it is a draft, else every draft that changes it. */
  drafts: string[];
  /** Why they cannot be consolidated, each naming the draft and line; nothing is previewed then. */
  refusals: string[];
  /** Each baseline file they change (for a baseline file, that file alone), before and after. */
  files: ConsolidatedFile[];
}

/** What consolidating comes to for a file of the workspace, or null when the file is not in it. */
export const consolidationPreviewRequest: CustomRequest<DocumentParams, ConsolidationPreview | null> = { method: 'sec/consolidationPreview' };

/** A Word document made by the server: the client writes it where the user chooses. */
export interface WordExport {
  /** The .docx, base64. */
  data?: string;
  /** "2 insertions, 1 deletion, 1 comment as tracked changes by Jane Drafter". */
  summary?: string;
  /** Converted imperfectly (the document is still made), each with its line. */
  problems: string[];
  /** Why no document was made. */
  error?: string;
}

/** A workspace file as a Word document with tracked changes; null when the file is not in the workspace. */
export const exportWordRequest: CustomRequest<DocumentParams, WordExport | null> = { method: 'sec/exportWord' };

export interface WordImportParams {
  /** The .docx, base64. */
  data: string;
  /** Its file name, for messages. */
  name: string;
}

export interface WordImport {
  /** The .sec text, for the client to open as a new document. */
  text?: string;
  problems: string[];
  /** Why the document could not be read: nothing to open. */
  error?: string;
}

/** A Word document read back into a drafting file's text (CriticMarkup for its tracked changes). */
export const importWordRequest: CustomRequest<WordImportParams, WordImport> = { method: 'sec/importWord' };

/** Commands the extension contributes (package.json `contributes.commands`). */
export const ClientCommand = {
  restartServer: 'sec.restartServer',
  renumberPart: 'sec.renumberPart',
  insertClauseAfter: 'sec.insertClauseAfter',
  showAmendedText: 'sec.showAmendedText',
  showRedline: 'sec.showRedline',
  checkWorkspace: 'sec.checkWorkspace',
  showConflicts: 'sec.showConflicts',
  previewConsolidation: 'sec.previewConsolidation',
  exportWord: 'sec.exportWord',
  importWord: 'sec.importWord',
} as const;

/**
 * Commands the server executes (workspace/executeCommand): the server computes the edit and
 * asks the editor to apply it, so that it lands in the editor's undo history, never on disk.
 */
export const ServerCommand = {
  renumberPart: 'sec.server.renumberPart',
  insertClauseAfter: 'sec.server.insertClauseAfter',
  /**
   * Takes no arguments and changes nothing: answers with every pair of changes from two drafts
   * of the workspace that meet on a unit (ConflictPair[], what `secls conflicts` lists).
   */
  listConflicts: 'sec.server.listConflicts',
} as const;

export type ServerCommandId = (typeof ServerCommand)[keyof typeof ServerCommand];
/** The server commands that edit at the cursor. */
export type EditingCommandId = Exclude<ServerCommandId, typeof ServerCommand.listConflicts>;

/** Every server command takes the document and the cursor. */
export type ServerCommandArguments = [uri: string, position: CursorPosition];

/**
 * The command of a code lens's click: VS Code's own "show these locations as the references of
 * this position", with arguments [uri, position, locations] that the client turns from JSON into
 * VS Code's types.
 */
export const SHOW_REFERENCES_COMMAND = 'editor.action.showReferences';

/** Read-only virtual documents showing a catalogue entry: `sec-catalogue:/Section%20G2.sec`. */
export const CATALOGUE_SCHEME = 'sec-catalogue';

/** The settings section (`sec.*`) that both the client synchronises and the server reads. */
export const SETTINGS_SECTION = 'sec';

/** `initializationOptions` the server understands; editors send none, tests and benchmarks shorten the debounce. */
export interface InitializationOptions {
  diagnosticsDelayMs?: number;
  /** The client answers findFilesRequest, readFilesRequest and readDirectoryRequest. */
  workspaceFiles?: boolean;
  /**
   * The extension's folder (a URI), where a server that cannot see its own files finds the user
   * README that explains each diagnostic code; a server run from disk finds it beside itself.
   */
  extensionUri?: string;
}
