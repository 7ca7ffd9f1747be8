// Answers the server's requests for the workspace's files (protocol.ts: findFilesRequest,
// readFilesRequest, readDirectoryRequest) through vscode.workspace, for a server that cannot
// read them itself: the web worker's always, the Node process's for a folder that is not on
// its disk. The part of the vscode API used is handed in, so that tests can answer from a
// workspace of their own.
import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  DocumentParams, findFilesRequest, FindFilesParams, readDirectoryRequest, readFilesRequest, ReadFilesParams,
} from '../../server/src/protocol';

export interface WorkspaceFilesApi {
  Uri: { parse(value: string): vscode.Uri };
  RelativePattern: new (base: vscode.Uri, pattern: string) => vscode.RelativePattern;
  FileType: { Directory: vscode.FileType.Directory };
  workspace: {
    findFiles(include: vscode.GlobPattern, exclude?: vscode.GlobPattern | null): Thenable<vscode.Uri[]>;
    fs: Pick<vscode.FileSystem, 'readFile' | 'readDirectory' | 'stat'>;
  };
}

/**
 * Globs VS Code's search reads as the server does: brace groups, commas, negations and extended
 * globs are read differently (or joined wrongly into one `{a,b}`), so those are left to the
 * server, which filters what comes back with every glob anyway.
 */
const PLAIN_GLOB = /^[^{},!()@+]+$/;

export async function findFiles(api: WorkspaceFilesApi, { folder, exclude }: FindFilesParams): Promise<string[]> {
  const base = api.Uri.parse(folder);
  const plain = exclude.filter((glob) => PLAIN_GLOB.test(glob));
  const skipped = plain.length === 0 ? null : new api.RelativePattern(base, plain.length === 1 ? plain[0] : `{${plain.join(',')}}`);
  const found = await api.workspace.findFiles(new api.RelativePattern(base, '**/*.sec'), skipped);
  return found.map((uri) => uri.toString());
}

const decoder = new TextDecoder('utf-8');

export async function readFiles(api: WorkspaceFilesApi, { uris }: ReadFilesParams): Promise<Array<string | null>> {
  return Promise.all(uris.map(async (uri) => {
    try {
      const text = decoder.decode(await api.workspace.fs.readFile(api.Uri.parse(uri)));
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    } catch {
      return null; // missing or unreadable: the server reads it as a file that is not there
    }
  }));
}

export async function readDirectory(api: WorkspaceFilesApi, { uri }: DocumentParams): Promise<string[] | null> {
  try {
    const folder = api.Uri.parse(uri);
    if (((await api.workspace.fs.stat(folder)).type & api.FileType.Directory) === 0) return null;
    return (await api.workspace.fs.readDirectory(folder)).map(([name]) => name);
  } catch {
    return null;
  }
}

/** Registers the answers on the client (before it starts: the server asks as soon as it is initialised). */
export function answerFileRequests(client: BaseLanguageClient, api: WorkspaceFilesApi): vscode.Disposable[] {
  return [
    client.onRequest(findFilesRequest.method, (params: FindFilesParams) => findFiles(api, params)),
    client.onRequest(readFilesRequest.method, (params: ReadFilesParams) => readFiles(api, params)),
    client.onRequest(readDirectoryRequest.method, (params: DocumentParams) => readDirectory(api, params)),
  ];
}
