// The web file access, both halves: the server's (web/clientFileAccess.ts asks the client) and
// the client's (client/src/workspaceFiles.ts answers through vscode.workspace), wired to each
// other as the connection wires them, over a workspace of our own in place of VS Code's.
import { strict as assert } from 'node:assert';
import type * as vscode from 'vscode';
import { URI } from 'vscode-uri';
import { findFiles, readDirectory, readFiles, WorkspaceFilesApi } from '../../client/src/workspaceFiles';
import { findFilesRequest, readDirectoryRequest, readFilesRequest } from '../../server/src/protocol';
import { ClientFileAccess, SendRequest } from '../../server/src/web/clientFileAccess';

const FOLDER = 'vscode-vfs://github/sec/drafts';
const README = '# Codes\n\n| code | meaning |\n| --- | --- |\n| <a id="broken-reference"></a>`broken-reference` | gone |\n';

class Pattern {
  constructor(readonly baseUri: URI, readonly pattern: string) {}
}

/** A workspace held in memory, as the part of the vscode API the client uses sees it; it records the searches. */
function memoryWorkspace(files: Record<string, string | Uint8Array>) {
  const bytes = new Map(Object.entries(files).map(([uri, content]) => [URI.parse(uri).toString(), typeof content === 'string' ? new TextEncoder().encode(content) : content]));
  const searches: Array<{ base: string; include: string; exclude: string | null }> = [];
  const notFound = (uri: vscode.Uri) => Object.assign(new Error(`${uri.toString()} not found`), { code: 'FileNotFound' });
  const children = (uri: vscode.Uri) => {
    const prefix = `${uri.toString()}/`;
    const names = new Map<string, number>();
    for (const key of bytes.keys()) if (key.startsWith(prefix)) names.set(key.slice(prefix.length).split('/')[0], key.slice(prefix.length).includes('/') ? 2 : 1);
    return names;
  };
  const api: WorkspaceFilesApi = {
    Uri: URI as unknown as WorkspaceFilesApi['Uri'],
    RelativePattern: Pattern as unknown as WorkspaceFilesApi['RelativePattern'],
    FileType: { Directory: 2 },
    workspace: {
      async findFiles(include, exclude) {
        const { baseUri, pattern } = include as unknown as Pattern;
        searches.push({ base: baseUri.toString(), include: pattern, exclude: exclude ? (exclude as unknown as Pattern).pattern : null });
        // Every .sec file the editor knows of: what to leave out is the server's to decide as well.
        return [...bytes.keys()].filter((key) => key.endsWith('.sec')).map((key) => URI.parse(key) as unknown as vscode.Uri);
      },
      fs: {
        async readFile(uri) {
          const found = bytes.get(uri.toString());
          if (!found) throw notFound(uri);
          return found;
        },
        async stat(uri) {
          if (bytes.has(uri.toString())) return { type: 1, ctime: 0, mtime: 0, size: bytes.get(uri.toString())!.length } as vscode.FileStat;
          if (children(uri).size > 0) return { type: 2, ctime: 0, mtime: 0, size: 0 } as vscode.FileStat;
          throw notFound(uri);
        },
        async readDirectory(uri) {
          return [...children(uri)] as Array<[string, vscode.FileType]>;
        },
      },
    },
  };
  return { api, searches };
}

/** The server's access, its requests answered by the client's code over `api`; `requests` counts them by method. */
function connected(api: WorkspaceFilesApi, extensionUri?: string) {
  const requests: string[] = [];
  const answers: Record<string, (params: never) => Promise<unknown>> = {
    [findFilesRequest.method]: (params) => findFiles(api, params),
    [readFilesRequest.method]: (params) => readFiles(api, params),
    [readDirectoryRequest.method]: (params) => readDirectory(api, params),
  };
  // Through JSON, as over the wire: nothing but plain data crosses.
  const send: SendRequest = async (method, params) => {
    requests.push(method);
    return JSON.parse(JSON.stringify(await answers[method](JSON.parse(JSON.stringify(params)) as never)));
  };
  return { access: new ClientFileAccess(send, extensionUri), requests };
}

describe('web file access (the server asks, the client answers through vscode.workspace)', () => {
  it('finds the folder\'s .sec files, sorted, without version control, node_modules, excluded paths or other folders', async () => {
    const { api, searches } = memoryWorkspace({
      [`${FOLDER}/b.sec`]: '', [`${FOLDER}/a.sec`]: '', [`${FOLDER}/notes.txt`]: '',
      [`${FOLDER}/node_modules/pkg/x.sec`]: '', [`${FOLDER}/.git/y.sec`]: '',
      [`${FOLDER}/drafts/old/z.sec`]: '', [`${FOLDER}/older/w.sec`]: '', [`${FOLDER}/.hidden/v.sec`]: '',
      'vscode-vfs://github/sec/other/c.sec': '', [`${FOLDER}-archive/d.sec`]: '',
    });
    const { access } = connected(api);
    const found = await access.findSecFiles(FOLDER, ['drafts/old/**', '{older,oldest}/**', '.hidden']);
    assert.deepEqual(found, [`${FOLDER}/a.sec`, `${FOLDER}/b.sec`]);
    // The editor is asked for *.sec under the folder, skipping what its glob syntax reads as ours does.
    assert.deepEqual(searches, [{
      base: FOLDER, include: '**/*.sec', exclude: '{drafts/old/**,.hidden,**/node_modules/**,**/.git/**,**/.hg/**,**/.svn/**}',
    }]);
  });

  it('matches exclusion globs relative to the folder, dot files too, and nothing outside it', () => {
    const { api } = memoryWorkspace({});
    const excluded = connected(api).access.excluder(FOLDER, ['drafts/**', '**/*.tmp.sec', 'scratch']);
    assert.equal(excluded(`${FOLDER}/drafts/a.sec`), true);
    assert.equal(excluded(`${FOLDER}/x/.y.tmp.sec`), true);
    assert.equal(excluded(`${FOLDER}/scratch`), true, 'a folder named without its slash');
    assert.equal(excluded(`${FOLDER}/scratch/deep/a.sec`), true, 'a file in it, as the walk on disk never enters it');
    assert.equal(excluded(`${FOLDER}/a.sec`), false);
    assert.equal(excluded('vscode-vfs://github/sec/elsewhere/drafts/a.sec'), false, 'another folder');
    assert.equal(excluded(`file:///drafts/a.sec`), false, 'another scheme');
    assert.equal(connected(api).access.excluder(FOLDER, [])(`${FOLDER}/drafts/a.sec`), false, 'no globs');
  });

  it('reads many files in one request, in order: UTF-8 without its byte-order mark, null where there is none', async () => {
    const { api } = memoryWorkspace({
      [`${FOLDER}/a.sec`]: 'Section H4 — “quoted”\n',
      [`${FOLDER}/bom.sec`]: new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('X5.4 text\n')]),
    });
    const { access, requests } = connected(api);
    const texts = await access.readTexts([`${FOLDER}/bom.sec`, `${FOLDER}/missing.sec`, `${FOLDER}/a.sec`]);
    assert.deepEqual(texts, ['X5.4 text\n', null, 'Section H4 — “quoted”\n']);
    assert.deepEqual(requests, [readFilesRequest.method]);
    assert.deepEqual(await access.readTexts([]), []);
    assert.equal(requests.length, 1, 'nothing asked for nothing');
  });

  it('reads the catalogue sec.config.json names: a file, or the .txt and .json files of a folder', async () => {
    const { api } = memoryWorkspace({
      [`${FOLDER}/catalogue/contents-7.0.txt`]: 'CONTENTS 7.0',
      [`${FOLDER}/catalogue/extra.json`]: '{}',
      [`${FOLDER}/catalogue/notes.md`]: 'not a catalogue',
      [`${FOLDER}/contents.txt`]: 'CONTENTS',
    });
    const { access } = connected(api);
    assert.deepEqual(await access.readCatalogueFiles(FOLDER, 'contents.txt'), { files: [{ name: 'contents.txt', text: 'CONTENTS' }] });
    assert.deepEqual(await access.readCatalogueFiles(FOLDER, 'catalogue/'), {
      files: [{ name: 'catalogue/contents-7.0.txt', text: 'CONTENTS 7.0' }, { name: 'catalogue/extra.json', text: '{}' }],
    });
    assert.deepEqual(await access.readCatalogueFiles(`${FOLDER}/catalogue`, '../contents.txt'), { files: [{ name: '../contents.txt', text: 'CONTENTS' }] });
    assert.deepEqual(await access.readCatalogueFiles(FOLDER, 'gone.txt'), { files: [], error: 'no such file or folder' });
  });

  it('finds the code explanations in the extension\'s README, the user README before a package\'s readme.md', async () => {
    const extension = 'https://extensions.example/sec-language-tools';
    const packaged = memoryWorkspace({ [`${extension}/readme.md`]: README, [`${extension}/dist/browserServer.js`]: '' });
    assert.deepEqual([...await connected(packaged.api, extension).access.codeExplanations()], [['broken-reference', `${extension}/readme.md#L5`]]);
    const repository = memoryWorkspace({ [`${extension}/README.extension.md`]: `\n${README}`, [`${extension}/readme.md`]: '# Developers\n' });
    assert.deepEqual([...await connected(repository.api, extension).access.codeExplanations()], [['broken-reference', `${extension}/README.extension.md#L6`]]);
    assert.equal((await connected(memoryWorkspace({ [`${extension}/readme.md`]: '# No codes\n' }).api, extension).access.codeExplanations()).size, 0);
    assert.equal((await connected(packaged.api).access.codeExplanations()).size, 0, 'no extension folder given');
  });

  it('reads as nothing there when the client fails or does not answer', async () => {
    const failing = new ClientFileAccess(async () => {
      throw new Error('Unhandled method sec/readFiles');
    }, 'https://extensions.example/x');
    assert.deepEqual(await failing.readTexts(['memfs:/a.sec', 'memfs:/b.sec']), [null, null]);
    assert.deepEqual(await failing.findSecFiles('memfs:/', []), []);
    assert.deepEqual(await failing.readCatalogueFiles('memfs:/', 'contents.txt'), { files: [], error: 'no such file or folder' });
    assert.equal((await failing.codeExplanations()).size, 0);
    const garbled = new ClientFileAccess(async () => ({ not: 'an array' }));
    assert.deepEqual(await garbled.readTexts(['memfs:/a.sec']), [null]);
    assert.deepEqual(await garbled.findSecFiles('memfs:/', []), []);
  });
});
