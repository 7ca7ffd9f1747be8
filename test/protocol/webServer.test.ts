// The language server where it cannot read the workspace from a disk: the web worker's bundle
// (dist/browserServer.js) in a worker thread with no Node globals, and the Node server on a
// virtual workspace; both ask the client for every file (sec/findFiles, sec/readFiles,
// sec/readDirectory), which answers here from memory as the web client answers through
// vscode.workspace.
import { strict as assert } from 'node:assert';
import type { Diagnostic, Hover } from 'vscode-languageserver-types';
import { MemoryFiles, TestClient } from './lspClient';

const ROOT = 'vscode-vfs://github/sec/drafts';
const EXTENSION = 'https://extensions.example/sec-language-tools';
const uri = (name: string) => `${ROOT}/${name}`;

const X = 'Section X: Transition\n\nX5 Incorporation\n\nX5.1 The Secretary of State may designate documents.\nX5.4 Each designated document shall have effect.\n';
const DRAFT = 'The DCC shall act under Section X5.4 and Section X5.9.\nAlso Section X3 applies, and Section H16.\n';
const CONTENTS = ' Version Control\n\n7.0 2 March 2026 Modifications\n\nCONTENTS\n\nSection H: DCC Services\n\nH16 Further Services Offered by the DCC\n';
const CONFIG = JSON.stringify({
  catalogue: 'catalogue/contents.txt',
  deprecations: [{ target: 'Section X3', reason: 'Spent.', replacement: 'Section X5' }],
  exclude: ['old/**'],
});
const README = '# Codes\n\n| code | meaning |\n| --- | --- |\n| <a id="broken-reference"></a>`broken-reference` | gone |\n';

function workspace(): MemoryFiles {
  return new Map([
    [uri('section-x.sec'), X],
    [uri('amendments/draft.sec'), DRAFT],
    [uri('old/b.sec'), 'See Section X5.8.\n'],
    [uri('node_modules/pkg/c.sec'), 'See Section X5.7.\n'],
    [uri('sec.config.json'), CONFIG],
    [uri('catalogue/contents.txt'), CONTENTS],
    [`${EXTENSION}/readme.md`, README],
  ]);
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => d.code).sort();

for (const host of ['web worker', 'Node process on a virtual workspace'] as const) {
  describe(`language server in a ${host}, reading files through the client`, function () {
    this.timeout(20000);
    let files: MemoryFiles;
    let client: TestClient;

    before(async () => {
      files = workspace();
      client = host === 'web worker'
        ? await TestClient.startInWorker(ROOT, files, {}, { extensionUri: EXTENSION })
        : await TestClient.startVirtual(ROOT, files);
    });

    after(async () => {
      await client.stop();
    });

    it('checks files it was never shown, with sec.config.json and the catalogue it names, leaving out what is excluded', async () => {
      const draft = await client.waitForDiagnostics(uri('amendments/draft.sec'), (d) => d.length === 2);
      // X5.9 is broken (Section X's text is here), X3 deprecated by the config, H16 known from the configured catalogue.
      assert.deepEqual(codes(draft), ['broken-reference', 'deprecated-reference']);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uri('amendments/draft.sec') }, position: { line: 0, character: 30 } });
      assert.match(JSON.stringify(hover.contents), /Each designated document shall have effect/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(client.diagnostics.has(uri('old/b.sec')), false, 'excluded by sec.config.json');
      assert.equal(client.diagnostics.has(uri('node_modules/pkg/c.sec')), false, 'never searched');
      const kinds = client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
      assert.deepEqual([kinds[0], kinds[kinds.length - 1]], ['begin', 'end'], 'indexing progress');
    });

    it('links each code to its explanation in the README the client says the extension has', async () => {
      const [broken] = (await client.waitForDiagnostics(uri('amendments/draft.sec'), (d) => d.length === 2)).filter((d) => d.code === 'broken-reference');
      // A server run from disk finds its README beside itself; the web worker's is where the client says.
      if (host === 'web worker') assert.equal(broken.codeDescription?.href, `${EXTENSION}/readme.md#L5`);
      else assert.doesNotMatch(String(broken.codeDescription?.href), /extensions\.example/);
    });

    it('reads a file again when the watcher reports it changed, and forgets it when deleted', async () => {
      files.set(uri('amendments/draft.sec'), 'Now Section X5.1 and Section X5.3.\n');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('amendments/draft.sec'), type: 2 }] });
      const changed = await client.waitForDiagnostics(uri('amendments/draft.sec'), (d) => d.length === 1);
      assert.match(String(changed[0].message), /X5\.3/);
      files.set(uri('extra.sec'), 'See Section X5.6.\n');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('extra.sec'), type: 1 }] });
      await client.waitForDiagnostics(uri('extra.sec'), (d) => d.length === 1);
      files.delete(uri('extra.sec'));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('extra.sec'), type: 3 }] });
      await client.waitForDiagnostics(uri('extra.sec'), (d) => d.length === 0);
    });

    it('checks an open document as typed, and the file\'s text again once it is closed', async () => {
      client.open(uri('section-x.sec'), `${X}X5.3 Inserted.\n`);
      await client.waitForDiagnostics(uri('amendments/draft.sec'), (d) => d.length === 0);
      void client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('section-x.sec') } });
      await client.waitForDiagnostics(uri('amendments/draft.sec'), (d) => d.length === 1);
    });
  });
}
