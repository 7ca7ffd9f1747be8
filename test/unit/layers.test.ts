// The import graph against the layers of .dependency-cruiser.cjs (docs/architecture.md): the
// real tree breaks no rule, and on a small tree written for the
// purpose, every rule reports the imports it forbids and none that it allows.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CRUISER = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

function cruise(cwd: string, options: string[] = []): Violation[] {
  const run = spawnSync(process.execPath, [CRUISER, '--config', CONFIG, '--output-type', 'json', ...options, 'server/src', 'client/src'], { cwd, encoding: 'utf8' });
  // It exits with 1 when it finds a violation: only a run without a report is a failed run.
  assert.ok(run.stdout, `dependency-cruiser did not run: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

/** `rule: from → to`, an npm package named by its package name wherever it was resolved. */
function describeViolation({ rule, from, to }: Violation): string {
  const npmPackage = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(to)?.[1];
  return `${rule.name}: ${from} → ${npmPackage ?? to}`;
}

describe('layers (dependency-cruiser)', function () {
  this.timeout(30_000);

  it('finds no import on the project that breaks a layer rule', () => {
    assert.deepEqual(cruise(ROOT).map(describeViolation), []);
  });

  describe('on a tree that breaks each rule once', () => {
    // Paths mirror the project's, so the real configuration applies unchanged.
    const files: Record<string, string> = {
      'server/src/core/model/ids.ts': 'export const id = 1;',
      'server/src/core/model/types.ts': "import type { Parsed } from '../parse/structure';\nexport type Model = Parsed;",
      'server/src/core/parse/structure.ts': "import { index } from '../index/workspaceIndex';\nimport { id } from '../model/ids';\nexport type Parsed = number;\nexport const parsed = index + id;",
      'server/src/core/resolve/resolver.ts': "import type { Range } from 'vscode-languageserver-types';\nexport type Resolved = Range;",
      'server/src/core/index/workspaceIndex.ts': "import type { Resolved } from '../resolve/resolver';\nexport const index = 1;\nexport type Indexed = Resolved;",
      'server/src/protocol.ts': "import { id } from './core/model/ids';\nexport const method = id;",
      'server/src/features/hover.ts':
        "import type { Hover } from 'vscode-languageserver-types';\nimport type { Connection } from 'vscode-languageserver/node';\nimport { index } from '../core/index/workspaceIndex';\nexport type Answer = Hover | Connection;\nexport const hover = index;",
      'server/src/lsp/registerFeatures.ts': "import type { ExtensionContext } from 'vscode';\nimport { hover } from '../features/hover';\nimport { publish } from './publisher';\nexport type Context = ExtensionContext;\nexport const registered = hover + publish;",
      'server/src/lsp/publisher.ts': "import { helper } from '../stray/helper';\nexport const publish = helper;",
      'server/src/cli/main.ts': "import type { Diagnostic } from 'vscode-languageserver-types';\nimport { publish } from '../lsp/publisher';\nexport type Reported = Diagnostic;\nexport const main = publish;",
      'server/src/server.ts':
        "import { join } from 'node:path';\nimport { createConnection } from 'vscode-languageserver/node';\nimport { registered } from './lsp/registerFeatures';\nimport { missing } from './missing';\nexport const server = [registered, missing, join, createConnection];",
      'server/src/browserServer.ts':
        "import { createConnection } from 'vscode-languageserver/browser';\nimport { access } from './web/clientFileAccess';\nimport { started } from './lsp/languageServer';\nexport const server = [createConnection, access, started];",
      'server/src/lsp/languageServer.ts':
        "import { join } from 'node:path';\nimport { createConnection } from 'vscode-languageserver/browser';\nexport const started = [join, createConnection];",
      'server/src/node/readTextFile.ts': "import { readFileSync } from 'node:fs';\nimport { URI } from 'vscode-uri';\nexport const read = [readFileSync, URI];",
      'server/src/web/clientFileAccess.ts':
        "import { URI } from 'vscode-uri';\nimport type { Connection } from 'vscode-languageserver';\nimport { read } from '../node/readTextFile';\nexport type Sender = Connection;\nexport const access = [URI, read];",
      'server/src/stray/helper.ts': "import { id } from '../core/model/ids';\nexport const helper = id;",
      'client/src/extension.ts':
        "import type { ExtensionContext } from 'vscode';\nimport { join } from 'node:path';\nimport { LanguageClient } from 'vscode-languageclient/node';\nimport { method } from '../../server/src/protocol';\nimport { hover } from '../../server/src/features/hover';\nimport { shared } from './activate';\nexport type Context = ExtensionContext;\nexport const client = [method, hover, join, LanguageClient, shared];",
      'client/src/browserExtension.ts':
        "import { LanguageClient } from 'vscode-languageclient/browser';\nimport { shared } from './activate';\nexport const client = [LanguageClient, shared];",
      'client/src/activate.ts':
        "import { basename } from 'node:path';\nimport { LanguageClient } from 'vscode-languageclient/node';\nimport { LanguageClient as WebClient } from 'vscode-languageclient/browser';\nexport const shared = [basename, LanguageClient, WebClient];",
    };
    let tree: string;

    before(() => {
      tree = mkdtempSync(join(tmpdir(), 'sec-layers-'));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(tree, path)), { recursive: true });
        writeFileSync(join(tree, path), `${text}\n`);
      }
      writeFileSync(join(tree, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true } }));
      symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'), 'dir');
    });

    after(() => rmSync(tree, { recursive: true, force: true }));

    it('reports exactly the forbidden imports, a parse file importing the index among them', () => {
      assert.deepEqual(cruise(tree).map(describeViolation).sort(), [
        'base-imports-only-below: server/src/core/model/types.ts → server/src/core/parse/structure.ts',
        'browser-client-only-in-browserExtension.ts: client/src/activate.ts → vscode-languageclient',
        'browser-connection-only-in-browserServer.ts: server/src/lsp/languageServer.ts → vscode-languageserver',
        'cli-and-lsp-apart: server/src/cli/main.ts → server/src/lsp/publisher.ts',
        'cli-knows-no-lsp: server/src/cli/main.ts → vscode-languageserver-types',
        'client-sees-only-the-protocol: client/src/extension.ts → server/src/features/hover.ts',
        'every-file-in-a-layer: server/src/stray/helper.ts → server/src/core/model/ids.ts',
        'every-import-in-a-layer: server/src/lsp/publisher.ts → server/src/stray/helper.ts',
        'features-use-lsp-types-only: server/src/features/hover.ts → vscode-languageserver',
        'file-access-knows-only-uris: server/src/web/clientFileAccess.ts → vscode-languageserver',
        'no-lsp-below-features: server/src/core/resolve/resolver.ts → vscode-languageserver-types',
        'node-client-only-in-extension.ts: client/src/activate.ts → vscode-languageclient',
        'node-connection-only-in-server.ts: server/src/features/hover.ts → vscode-languageserver',
        'node-only-where-node-runs: client/src/activate.ts → path',
        'node-only-where-node-runs: server/src/lsp/languageServer.ts → path',
        'not-to-unresolvable: server/src/server.ts → ./missing',
        'parse-imports-only-below: server/src/core/parse/structure.ts → server/src/core/index/workspaceIndex.ts',
        'protocol-imports-nothing: server/src/protocol.ts → server/src/core/model/ids.ts',
        'vscode-api-only-in-client: server/src/lsp/registerFeatures.ts → @types/vscode',
        'web-file-access-reads-no-disk: server/src/web/clientFileAccess.ts → server/src/node/readTextFile.ts',
      ]);
    });
  });
});
