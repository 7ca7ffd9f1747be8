// `secls check --format sarif|github`, and the problem matcher a VS Code task uses on the text
// format, checked against the JSON report of the same files: the same problems, in each format.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { HELP_BASE } from '../../server/src/cli/sarif';
import { folder } from './tempFolders';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLES = join(ROOT, 'examples');

function check(format: string, cwd = EXAMPLES): string {
  return spawnSync(process.execPath, [CLI, 'check', '--format', format, '.'], { cwd, encoding: 'utf8' }).stdout;
}

interface JsonDiagnostic { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: string; code: string; message: string }

/** `path line col endLine endCol severity code message` of every diagnostic of the JSON report. */
function expected(cwd = EXAMPLES): string[] {
  const report = JSON.parse(check('json', cwd)) as { files: Array<{ path: string; diagnostics: JsonDiagnostic[] }> };
  return report.files.flatMap((file) => file.diagnostics.map((d) =>
    [file.path, d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.severity, d.code, d.message].join(' ')));
}

describe('secls report formats', () => {
  it('writes SARIF 2.1.0 that the official schema accepts, a result per problem with its region and rule', () => {
    // The OASIS schema as published (draft-04); one of its patterns is not valid under the 'u' flag.
    const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const log = JSON.parse(check('sarif')) as { version?: string; runs: any[] };
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 3)));
    const [run] = log.runs;
    const level: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
    const fromSarif = run.results.map((result: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }) => {
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      return [artifactLocation.uri, region.startLine, region.startColumn, region.endLine, region.endColumn, result.level, result.ruleId, result.message.text].join(' ');
    });
    assert.deepEqual(fromSarif, expected().map((line) => line.replace(/ (error|warning|information|hint) /, (_, severity: string) => ` ${level[severity]} `)));
    assert.ok(run.tool.driver.rules.every((rule: { helpUri: string; id: string }) => rule.helpUri === `${HELP_BASE}#${rule.id}`));
    // The validator bites: a log without its version is refused.
    delete log.version;
    assert.equal(validate(log), false);
  });

  it('points SARIF help at the README of the repository package.json names, where each code has its anchor', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(HELP_BASE, `${manifest.repository.url.replace(/\.git$/, '')}/blob/main/README.extension.md`);
  });

  it('writes GitHub annotations, escaping what would end a property or the command', () => {
    const annotation = /^::(error|warning|notice) file=(.*),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=(.*)::(.*)$/;
    const unescape = (text: string) => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    const command: Record<string, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };
    const dir = folder({ 'odd, name: 100%.sec': 'H9 A Part\nH9.1 See Section H9.7.\n' }, 'secls-github-');
    for (const cwd of [EXAMPLES, dir]) {
      const lines = check('github', cwd).split('\n').filter((line) => line.startsWith('::'));
      const parsed = lines.map((line) => {
        const match = annotation.exec(line);
        assert.ok(match, line);
        return [unescape(match[2]), match[3], match[4], match[5], match[6], match[1], unescape(match[7]), unescape(match[8])].join(' ');
      });
      assert.deepEqual(parsed, expected(cwd).map((line) => line.replace(/ (error|warning|information|hint) /, (_, severity: string) => ` ${command[severity]} `)));
      assert.ok(lines.length > 0);
    }
  });

  it('contributes a problem matcher that reads every line of the text report as the JSON report has it', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const matcher = manifest.contributes.problemMatchers.find((candidate: { name: string }) => candidate.name === 'secls');
    const pattern = new RegExp(matcher.pattern.regexp);
    const { file, line, column, severity, code, message } = matcher.pattern;
    const lines = check('text').split('\n').filter((text) => /^\S+:\d+:\d+ /.test(text));
    const matched = lines.map((text) => {
      const match = pattern.exec(text);
      assert.ok(match, text);
      return [match[file], match[line], match[column], match[severity], match[code], match[message]].join(' ');
    });
    assert.deepEqual(matched, expected().map((text) => text.split(' ').filter((_, i) => i !== 3 && i !== 4).join(' ')));
  });
});
