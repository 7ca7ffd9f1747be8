// `secls catalogue build CONTENTS... -o catalogue.json`: a Contents page copied from the live
// Code (or a folder of them), read by the same generator as the embedded catalogue, written
// as data that sec.config.json's "catalogue" can name and that loads without parsing.
// `secls catalogue show TARGET`: what the catalogue in use here knows of a target.
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Catalogue } from '../core/catalogue/catalogue';
import { configuredCatalogue, loadCatalogue } from '../core/catalogue/load';
import { CONFIG_FILE_NAME, parseConfig } from '../core/config/config';
import { embeddedCatalogue } from '../core/embeddedCatalogue';
import { ancestorIds } from '../core/model/ids';
import { DocumentNames } from '../core/parse/documentNames';
import { scanReferences } from '../core/parse/references';
import { readCatalogueFiles } from '../node/catalogueFiles';
import { readTextFile } from '../node/readTextFile';
import { UsageError } from './checkGroup';

type Output = { output: string; exitCode: number };

function build(cwd: string, args: string[]): Output {
  const inputs: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-o' || args[i] === '--output') out = args[++i];
    else if (args[i].startsWith('-')) throw new UsageError(`unknown option "${args[i]}"`);
    else inputs.push(args[i]);
  }
  if (inputs.length === 0) throw new UsageError('catalogue build needs a Contents file (or a folder of them)');
  const files = inputs.flatMap((input) => {
    const read = readCatalogueFiles(cwd, input);
    if (read.error) throw new UsageError(`cannot read ${input}: ${read.error}`);
    return read.files;
  });
  const { data, problems } = loadCatalogue(files, inputs.join(', '));
  const messages = problems.map((problem) => `secls: ${problem.file}:${problem.line}: ${problem.message}\n`).join('');
  if (messages) process.stderr.write(messages);
  if (!data) return { output: '', exitCode: 2 };
  const json = `${JSON.stringify(data, null, 1)}\n`;
  const summary = `${data.entries.length} entries, ${data.history.length} Version Control rows` +
    (data.version ? `, SEC version ${data.version}${data.date ? ` (${data.date})` : ''}` : ', no Version Control table');
  if (!out) return { output: json, exitCode: 0 };
  // Written whole or not at all: a half-written catalogue would be worse than the old one.
  const target = resolve(cwd, out);
  try {
    writeFileSync(`${target}.tmp`, json);
    renameSync(`${target}.tmp`, target);
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${(error as Error).message}`);
  }
  return { output: `Wrote ${out}: ${summary}.\n`, exitCode: 0 };
}

/** The catalogue a check in `cwd` would use: sec.config.json's, else the embedded one. */
export function catalogueIn(cwd: string): { catalogue: Catalogue; problems: string[] } {
  const path = resolve(cwd, CONFIG_FILE_NAME);
  if (!existsSync(path)) return { catalogue: embeddedCatalogue(), problems: [] };
  const text = readTextFile(path);
  const { config } = parseConfig(text);
  if (!config.cataloguePath) return { catalogue: embeddedCatalogue(), problems: [] };
  const { catalogue, problems } = configuredCatalogue(text, config.cataloguePath, readCatalogueFiles(cwd, config.cataloguePath), embeddedCatalogue());
  return { catalogue, problems: problems.map((problem) => problem.message) };
}

/** `H4`, `Section H4`, `Appendix AK`, `Schedule 8 Version 3.2` → the canonical id. */
function canonical(written: string, catalogue: Catalogue): string {
  const text = /^[A-Z]\d/.test(written) || /^[A-Z]$/.test(written) ? `Section ${written}` : written;
  const found = scanReferences(text, { names: new DocumentNames(catalogue.names(), catalogue.sectionLetters()), documentAt: () => null, skip: [] });
  return found.find((reference) => reference.target !== null)?.target ?? written;
}

/** A Version Control row can run to a page: its first words say which it is. */
function abridged(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 199).replace(/\s+\S*$/, '')} …`;
}

function describeEntry(catalogue: Catalogue, id: string): string[] {
  const entry = catalogue.get(id)!;
  const lines = [`${id} (${entry.kind}): ${entry.title}`];
  const versions = catalogue.versionsOf(id);
  if (versions.length > 0) lines.push(`  versions: ${versions.join(', ')}`);
  const history = catalogue.history(id);
  if (history.length > 0) lines.push('  Version Control entries that mention it:');
  for (const row of history) lines.push(`    ${row.version}  ${row.date}  ${abridged([row.reason, row.changes].filter(Boolean).join(' — '))}`);
  return lines;
}

function show(cwd: string, args: string[]): Output {
  if (args.length === 0) throw new UsageError('catalogue show needs a TARGET such as "Section H4" or "Appendix AK"');
  const { catalogue, problems } = catalogueIn(cwd);
  for (const problem of problems) process.stderr.write(`secls: ${problem}\n`);
  const id = canonical(args.join(' '), catalogue);
  const header = `From ${catalogue.describe()}.`;
  if (catalogue.get(id)) return { output: [header, ...describeEntry(catalogue, id)].join('\n') + '\n', exitCode: 0 };
  if (catalogue.namesModification(id)) return { output: `${header}\n${id}: a modification named in its Version Control table.\n`, exitCode: 0 };
  const nearest = ancestorIds(id).find((ancestor) => catalogue.get(ancestor));
  const lines = [header, `${id} is not in the catalogue${nearest ? ` (it lists units down to Parts and document versions; nearest: ${nearest})` : ''}.`];
  if (nearest) lines.push(...describeEntry(catalogue, nearest));
  return { output: lines.join('\n') + '\n', exitCode: 1 };
}

export function runCatalogue(cwd: string, args: string[]): Output {
  const [action, ...rest] = args;
  if (action === 'build') return build(cwd, rest);
  if (action === 'show') return show(cwd, rest);
  throw new UsageError(action ? `unknown catalogue action "${action}" (build or show)` : 'catalogue needs an action: build or show');
}
