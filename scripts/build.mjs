// One esbuild script for every bundle: the CLI, the language server and the VS Code client, each
// for Node; and the web extension's client and server (package.json `browser`), for a browser's
// web workers, built from the same sources with no Node API (the build fails on one).
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const production = process.argv.includes('--production');
const NODE = { platform: 'node', target: 'node20', format: 'cjs' };
// VS Code for the Web loads an extension's `browser` module as CommonJS; the server is a worker's classic script.
const BROWSER = { platform: 'browser', target: 'es2022' };
// The Word converters are a bundle of their own, which secls and the Node server load when Word is
// asked for (server/src/core/word/load.ts): their libraries would otherwise be most of both
// bundles, and be packaged twice. The web worker's server has no Word commands.
const wordOnDemand = {
  name: 'word-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/engines$/ }, (args) => (args.importer.endsWith('core/word/load.ts') ? { path: './word.js', external: true } : undefined));
  },
};
// In the web worker there is no Word: the converters answer that they are not there.
const noWordInBrowser = {
  name: 'no-word-in-browser',
  setup(build) {
    build.onResolve({ filter: /^\.\/engines$/ }, (args) => (args.importer.endsWith('core/word/load.ts') ? { path: 'engines', namespace: 'no-word' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'no-word' }, () => ({
      contents: 'const missing = () => { throw new Error("Word documents are converted by the desktop extension only"); };\nmodule.exports = new Proxy({}, { get: () => missing });',
      loader: 'js',
    }));
  },
};
const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', ...NODE, banner: '#!/usr/bin/env node', plugins: [wordOnDemand] },
  { in: 'server/src/server.ts', out: 'server', ...NODE, plugins: [wordOnDemand] },
  { in: 'server/src/core/word/engines.ts', out: 'word', ...NODE },
  { in: 'client/src/extension.ts', out: 'client', ...NODE, external: ['vscode'] },
  { in: 'server/src/browserServer.ts', out: 'browserServer', ...BROWSER, format: 'iife', plugins: [noWordInBrowser] },
  { in: 'client/src/browserExtension.ts', out: 'browserClient', ...BROWSER, format: 'cjs', external: ['vscode'] },
].filter((entry) => existsSync(entry.in));

await Promise.all(
  entries.map((entry) =>
    esbuild.build({
      entryPoints: { [entry.out]: entry.in },
      bundle: true,
      platform: entry.platform,
      target: entry.target,
      format: entry.format,
      outdir: 'dist',
      sourcemap: !production,
      minify: production,
      external: entry.external ?? [],
      banner: entry.banner ? { js: entry.banner } : undefined,
      plugins: entry.plugins ?? [],
      logLevel: 'warning',
      define: { __VERSION__: JSON.stringify(version) },
      // jsonc-parser's UMD build loads its modules at run time, which a bundle cannot follow; its ESM build bundles.
      alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    }),
  ),
);
