// The layers of server/src and what each may import, checked by test/unit/layers.test.ts in
// `npm test` (and by hand: `npm run layers`). docs/architecture.md explains each layer; keep
// the two in step. A file may import its own layer and the layers below it, never above.
// Type-only imports count: a layer that names a higher layer's types depends on its shape.

/** Lowest first; each entry: a name for the messages, the paths it covers, and why it sits there. */
const LAYERS = [
  {
    name: 'base',
    paths: ['^server/src/core/model/', '^server/src/core/text/', '^server/src/node/', '^server/src/web/', '^server/src/protocol[^/]*[.]ts$'],
    why: 'the document model, text utilities, file access (the interface in core/model, the disk in node/, the editor in web/) and the client/server vocabulary: everything builds on them, so they build on nothing of ours',
  },
  { name: 'parse', paths: ['^server/src/core/parse/'], why: 'text to document model: knows nothing of other files, catalogues or configuration' },
  { name: 'word', paths: ['^server/src/core/word/'], why: '.sec text to .docx bytes and back: pure conversion over the parse layer\'s label readers, no IO' },
  {
    name: 'sources',
    paths: ['^server/src/core/config/', '^server/src/core/catalogue/', '^server/src/core/embeddedCatalogue[.]ts$'],
    why: 'what references are checked against besides the workspace text (sec.config.json, the SEC catalogue), shared by every layer above',
  },
  {
    name: 'resolve',
    paths: ['^server/src/core/resolve/', '^server/src/core/amend/'],
    why: 'statuses, titles and diagnostics of a parsed file, and what drafts do to the Code: pure functions, no IO, no state',
  },
  { name: 'index', paths: ['^server/src/core/index/'], why: 'the workspace: which file defines and cites what, kept fresh as files change' },
  { name: 'features', paths: ['^server/src/features/'], why: 'one module per editor feature, pure functions over the index, testable without a connection' },
  { name: 'adapters', paths: ['^server/src/cli/', '^server/src/lsp/'], why: 'the command line and the LSP handlers: thin adapters over the layers below' },
  {
    name: 'server',
    paths: ['^server/src/server[.]ts$', '^server/src/browserServer[.]ts$'],
    why: 'the language server\'s entry points, a Node process and a web worker: each makes the connection and the file access of its platform and starts lsp/languageServer.ts',
  },
];

const either = (paths) => paths.join('|');
const ALL_LAYERS = either(LAYERS.flatMap((layer) => layer.paths));
const layerPaths = (name) => either(LAYERS.find((layer) => layer.name === name).paths);
const below = (name) => LAYERS.slice(0, LAYERS.findIndex((layer) => layer.name === name));

/** npm packages, whether resolved into node_modules or (in a tree without them) left as written. */
const npmPackage = (pattern) => `(^|/)node_modules/${pattern}(/|$)|^${pattern}(/|$)`;
const ANY_VSCODE_PACKAGE = npmPackage('(@types/)?vscode[^/]*');
/** One platform's module of a package that has a Node one and a browser one (`vscode-languageserver/node`), resolved or as written. */
const platformModule = (name, platform) => `(^|/)node_modules/${name}/lib/${platform}/|^${name}/${platform}$`;
/** The file access's implementations: they name files by URI, in VS Code's syntax (vscode-uri), which is not LSP. */
const FILE_ACCESS = '^server/src/(node|web)/';
/** Where Node's own modules (node:fs, node:path, …) may be used: nothing else runs in a browser's web worker without them. */
const NODE_ONLY = ['^server/src/node/', '^server/src/cli/', '^server/src/server[.]ts$', '^client/src/extension[.]ts$'];

/** Every rule is an error: the build stops on it (test/unit/layers.test.ts). */
const forbid = (name, comment, from, to) => ({ name, comment, severity: 'error', from, to });

const upwardImports = LAYERS.slice(0, -1).map((layer, rank) =>
  forbid(
    `${layer.name}-imports-only-below`,
    `${layer.name} (${layer.why}) may import only ${['itself', ...LAYERS.slice(0, rank).map((lower) => lower.name)].join(', ')}`,
    { path: either(layer.paths) },
    { path: either(LAYERS.slice(rank + 1).flatMap((higher) => higher.paths)) },
  ),
);

const OUTSIDE_EVERY_LAYER = { path: '^server/src/', pathNot: ALL_LAYERS };
const UNLAYERED = 'a file of server/src outside every layer escapes these rules: add its folder to LAYERS here and to docs/architecture.md';

module.exports = {
  forbidden: [
    ...upwardImports,
    forbid('protocol-imports-nothing', 'server/src/protocol.ts is bundled into the VS Code client: it must pull nothing else in',
      { path: '^server/src/protocol[^/]*[.]ts$' }, {}),
    forbid('no-lsp-below-features', 'below features nothing knows LSP or VS Code, so the core runs in the CLI and in tests unchanged',
      { path: either(below('features').flatMap((layer) => layer.paths)), pathNot: FILE_ACCESS }, { path: ANY_VSCODE_PACKAGE }),
    forbid('file-access-knows-only-uris', 'the file access (node/, web/) names files by URI as VS Code writes them (vscode-uri), and knows nothing else of LSP or VS Code',
      { path: FILE_ACCESS }, { path: ANY_VSCODE_PACKAGE, pathNot: npmPackage('vscode-uri') }),
    forbid('node-only-where-node-runs', 'the language server and the extension also run in a browser\'s web worker, which has no Node: only the disk access (node/), the CLI and the Node entry points (server.ts, client/src/extension.ts) use Node\'s modules',
      { path: '^(server|client)/src/', pathNot: either(NODE_ONLY) }, { dependencyTypes: ['core'] }),
    forbid('web-file-access-reads-no-disk', 'web/ reads files through the editor, in a worker with no disk: it never reaches for node/',
      { path: '^server/src/web/' }, { path: '^server/src/node/' }),
    forbid('node-connection-only-in-server.ts', 'lsp/languageServer.ts runs in a Node process and in a web worker alike: only the Node entry point makes a Node connection',
      { path: '^server/src/', pathNot: '^server/src/server[.]ts$' }, { path: platformModule('vscode-languageserver', 'node') }),
    forbid('browser-connection-only-in-browserServer.ts', 'lsp/languageServer.ts runs in a Node process and in a web worker alike: only the web worker\'s entry point makes a browser connection',
      { path: '^server/src/', pathNot: '^server/src/browserServer[.]ts$' }, { path: platformModule('vscode-languageserver', 'browser') }),
    forbid('node-client-only-in-extension.ts', 'the client code both extensions share must load in a web worker too: only the desktop entry point starts a server process',
      { path: '^client/src/', pathNot: '^client/src/extension[.]ts$' }, { path: platformModule('vscode-languageclient', 'node') }),
    forbid('browser-client-only-in-browserExtension.ts', 'the client code both extensions share must load in a Node extension host too: only the web entry point starts a server worker',
      { path: '^client/src/', pathNot: '^client/src/browserExtension[.]ts$' }, { path: platformModule('vscode-languageclient', 'browser') }),
    forbid('features-use-lsp-types-only', 'features answer in LSP types (vscode-languageserver-types) but never touch a connection, so they run on an in-memory index',
      { path: layerPaths('features') }, { path: ANY_VSCODE_PACKAGE, pathNot: npmPackage('vscode-languageserver-types') }),
    forbid('cli-knows-no-lsp', 'secls reports in its own formats; nothing of LSP or VS Code belongs in it',
      { path: '^server/src/cli/' }, { path: ANY_VSCODE_PACKAGE }),
    forbid('cli-and-lsp-apart', 'the command line and the language server share the layers below, not each other',
      { path: '^server/src/(cli|lsp)/' }, { path: '^server/src/(cli|lsp)/', pathNot: '^server/src/$1/' }),
    forbid('vscode-api-only-in-client', 'the server runs outside VS Code (any LSP editor, the CLI): the vscode API exists only in the extension host',
      { path: '^server/' }, { path: either([npmPackage('@types/vscode'), npmPackage('vscode'), npmPackage('vscode-languageclient')]) }),
    forbid('client-sees-only-the-protocol', 'the client talks to the server over LSP; from server/ it may import only the shared vocabulary, server/src/protocol.ts',
      { path: '^client/' }, { path: '^server/', pathNot: '^server/src/protocol[^/]*[.]ts$' }),
    forbid('server-never-imports-client', 'the client is the VS Code extension: nothing of the server may depend on it', { path: '^server/' }, { path: '^client/' }),
    forbid('every-file-in-a-layer', UNLAYERED, OUTSIDE_EVERY_LAYER, {}),
    forbid('every-import-in-a-layer', UNLAYERED, {}, OUTSIDE_EVERY_LAYER),
    forbid('not-to-unresolvable', 'an import that resolves to nothing is a typo or a missing dependency, and the rules above cannot see where it points',
      {}, { couldNotResolve: true }),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
