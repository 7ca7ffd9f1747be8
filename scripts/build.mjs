// One esbuild script for every bundle: the CLI, the language server and the VS Code client.
import * as esbuild from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const production = process.argv.includes('--production');
// The Word converters are a bundle of their own, which secls and the server load when Word is
// asked for (server/src/core/word/load.ts): their libraries would otherwise be most of both
// bundles, and be packaged twice.
const wordOnDemand = {
  name: 'word-on-demand',
  setup(build) {
    build.onResolve({ filter: /^\.\/engines$/ }, (args) => (args.importer.endsWith('core/word/load.ts') ? { path: './word.js', external: true } : undefined));
  },
};
const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node', plugins: [wordOnDemand] },
  { in: 'server/src/server.ts', out: 'server', plugins: [wordOnDemand] },
  { in: 'server/src/core/word/engines.ts', out: 'word' },
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
].filter((entry) => existsSync(entry.in));

await Promise.all(
  entries.map((entry) =>
    esbuild.build({
      entryPoints: { [entry.out]: entry.in },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
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
