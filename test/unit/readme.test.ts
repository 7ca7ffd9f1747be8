// The two READMEs say what is true: the extension's (README.extension.md, the .vsix's
// readme.md) describes every setting, command and diagnostic code a user meets, and nothing
// of building or testing; the repository's says exactly what each test command runs.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SEVERITIES } from '../../server/src/core/resolve/diagnostics';

const ROOT = join(__dirname, '..', '..', '..');
const read = (name: string) => readFileSync(join(ROOT, name), 'utf8');

interface Manifest {
  scripts: Record<string, string>;
  contributes: { commands: Array<{ command: string; title: string; category: string }>; configuration: { properties: Record<string, { default: unknown }> } };
}

describe('the READMEs', () => {
  const manifest = JSON.parse(read('package.json')) as Manifest;

  describe('the extension\'s README', () => {
    const readme = read('README.extension.md');

    it('describes every command and setting the extension contributes', () => {
      for (const { category, title } of manifest.contributes.commands) assert.ok(readme.includes(`**${category}: ${title}**`), `${category}: ${title}`);
      for (const [setting, { default: value }] of Object.entries(manifest.contributes.configuration.properties)) {
        assert.ok(readme.includes(`| \`${setting}\` | \`${typeof value === 'string' ? value : JSON.stringify(value)}\` |`), `${setting} with its default`);
      }
    });

    it('explains every diagnostic code with its default severity, each at an anchor the code links open', () => {
      for (const [code, severity] of Object.entries(DEFAULT_SEVERITIES)) {
        assert.match(readme, new RegExp(`^\\| <a id="${code}"></a>\`${code}\` \\| ${severity} \\| \\S`, 'm'), code);
      }
    });

    it('shows screenshots kept in images/readme and says nothing of building or testing', () => {
      const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]);
      assert.ok(images.length >= 3, `images: ${images}`);
      for (const image of images) assert.ok(/^images\/readme\/[\w-]+\.webp$/.test(image) && existsSync(join(ROOT, image)), image);
      assert.doesNotMatch(readme, /npm (?:ci|test|run)|dependency-cruiser|mocha|architecture/i);
    });
  });

  describe('the repository\'s README', () => {
    const readme = read('README.md');
    const quickStart = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));

    it('says in its quick start what each test command runs, and what the end-to-end tests need', () => {
      assert.doesNotMatch(quickStart, /every test suite/);
      for (const script of Object.keys(manifest.scripts).filter((name) => /^test(?::(?:package|e2e.*))?$/.test(name))) {
        assert.ok(quickStart.includes(script === 'test' ? '`npm test`' : `\`npm run ${script}`), `${script} is described`);
      }
      const mocha = JSON.parse(read('.mocharc.json')) as { spec: string[] };
      for (const spec of mocha.spec) {
        const folder = /^out\/(test\/\w+)\//.exec(spec)![1];
        assert.ok(quickStart.includes(`\`${folder}/\``), `npm test runs ${folder}`);
      }
      assert.match(quickStart, /\*\*root\*\*/);
      assert.match(quickStart, /\*\*apt\*\*/);
      assert.match(quickStart, /\*\*about 330 MB\*\*/);
    });
  });
});
