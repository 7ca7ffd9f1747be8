// The language server's FileAccess through the editor: where the server cannot read a disk (a
// web worker in VS Code for the Web) or the folder is on none (a virtual workspace). Each
// method is one of protocol.ts's requests, which the client answers through vscode.workspace
// (findFiles and fs), so it reads whatever file system the editor has open. A request that
// fails or goes unanswered reads as nothing there, as a missing file does on disk.
import { URI, Utils } from 'vscode-uri';
import { CATALOGUE_FILE_NAME, CatalogueFiles, FileAccess, SEC_FILE_EXTENSION, UnreadableReason } from '../core/model/fileAccess';
import { GlobSet } from '../core/text/globs';
import { anchorLines, readmeNames } from '../core/text/readmeAnchors';
import { CustomRequest, findFilesRequest, readDirectoryRequest, readFilesRequest } from '../protocol';

/** Sends a request to the client and resolves to its answer (the connection's sendRequest). */
export type SendRequest = (method: string, params: unknown) => Promise<unknown>;

/** Folders never searched, whatever the exclusion globs say (as node/findFiles.ts walks the disk). */
const NEVER_SEARCHED = new Set(['node_modules', '.git', '.hg', '.svn']);

/** The path of `uri` inside `folder`, '/'-separated, or null when it is not inside it. */
function relativePath(folder: URI, uri: URI): string | null {
  if (uri.scheme !== folder.scheme || uri.authority !== folder.authority) return null;
  const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(base) && uri.path.length > base.length ? uri.path.slice(base.length) : null;
}

/**
 * The exclusion globs' matcher, relative to the folder, as node/findFiles.ts applies them while
 * it walks the disk: a file in an excluded folder is excluded with it (the walk never enters the
 * folder), so each folder above the file is asked too; '/' is the only separator.
 */
function uriExcluder(folder: string, exclude: readonly string[]): (uri: string) => boolean {
  if (exclude.length === 0) return () => false;
  const globs = new GlobSet(exclude);
  const root = URI.parse(folder);
  return (uri) => {
    const segments = relativePath(root, URI.parse(uri))?.split('/') ?? [];
    return segments.some((_, i) => globs.excludes(segments.slice(0, i + 1).join('/')));
  };
}

export class ClientFileAccess implements FileAccess {
  /** `extensionUri`: the extension's folder, where the user README lies (InitializationOptions). */
  constructor(private readonly send: SendRequest, private readonly extensionUri?: string) {}

  async readTexts(uris: readonly string[]): Promise<Array<string | null>> {
    if (uris.length === 0) return [];
    const texts = await this.ask(readFilesRequest, { uris: [...uris] });
    return uris.map((_, i) => (Array.isArray(texts) && typeof texts[i] === 'string' ? texts[i] : null));
  }

  async findSecFiles(folder: string, exclude: readonly string[]): Promise<string[]> {
    // The editor may skip what is excluded; what it returns is checked here all the same, so
    // that the globs mean what they mean on disk, whatever the editor's search makes of them.
    const skipped = [...exclude, ...[...NEVER_SEARCHED].map((name) => `**/${name}/**`)];
    const found = await this.ask(findFilesRequest, { folder, exclude: skipped });
    const root = URI.parse(folder);
    const excluded = this.excluder(folder, exclude);
    const kept = (Array.isArray(found) ? found : []).filter((uri): uri is string => {
      const rel = typeof uri === 'string' && uri.endsWith(SEC_FILE_EXTENSION) ? relativePath(root, URI.parse(uri)) : null;
      return rel !== null && !rel.split('/').slice(0, -1).some((name) => NEVER_SEARCHED.has(name)) && !excluded(uri);
    });
    return [...new Set(kept.map((uri) => URI.parse(uri).toString()))].sort();
  }

  excluder(folder: string, exclude: readonly string[]): (uri: string) => boolean {
    return uriExcluder(folder, exclude);
  }

  async readCatalogueFiles(folder: string, configured: string): Promise<CatalogueFiles> {
    const root = URI.parse(folder);
    const target = configured.startsWith('/') ? root.with({ path: configured }) : Utils.resolvePath(root, configured);
    const names = await this.ask(readDirectoryRequest, { uri: target.toString() });
    if (!Array.isArray(names)) {
      const [text] = await this.readTexts([target.toString()]);
      return text === null ? { files: [], error: 'no such file or folder' } : { files: [{ name: configured, text }] };
    }
    const chosen = names.filter((name): name is string => typeof name === 'string' && CATALOGUE_FILE_NAME.test(name)).sort();
    const texts = await this.readTexts(chosen.map((name) => Utils.joinPath(target, name).toString()));
    const unreadable = chosen.find((_, i) => texts[i] === null);
    if (unreadable !== undefined) return { files: [], error: `${unreadable} cannot be read` };
    return { files: chosen.map((name, i) => ({ name: `${configured.replace(/\/+$/, '')}/${name}`, text: texts[i]! })) };
  }

  async whyUnreadable(): Promise<UnreadableReason> {
    return { message: 'the editor could not read it' };
  }

  async codeExplanations(): Promise<Map<string, string>> {
    if (!this.extensionUri) return new Map();
    const folder = URI.parse(this.extensionUri);
    const names = await this.ask(readDirectoryRequest, { uri: folder.toString() });
    for (const name of readmeNames(Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [])) {
      const uri = Utils.joinPath(folder, name).toString();
      const [text] = await this.readTexts([uri]);
      const lines = text === null ? new Map<string, number>() : anchorLines(text);
      if (lines.size > 0) return new Map([...lines].map(([code, line]) => [code, `${uri}#L${line}`]));
    }
    return new Map();
  }

  /** The client's answer, typed as the request declares it but checked by the caller: it crossed a wire. */
  private async ask<Params, Result>(request: CustomRequest<Params, Result>, params: Params): Promise<Result | undefined> {
    try {
      return (await this.send(request.method, params)) as Result;
    } catch {
      return undefined;
    }
  }
}
