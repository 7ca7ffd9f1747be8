// `secls export FILE.sec -o FILE.docx` and `secls import FILE.docx -o FILE.sec`: the file IO
// around the pure converters of core/word. A refused import writes nothing, and every write
// goes through a temporary file, so no command leaves a partial file behind.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config/config';
import { DEFAULT_WORD_AUTHOR, readWordSettings, revisionDate, WordSettings } from '../core/config/wordSettings';
import { countChanges, describeChanges } from '../core/word/changeSummary';
import { wordEngines } from '../core/word/load';
import { MAX_DOCX_FILE_BYTES, MAX_EXPORT_TEXT_BYTES, megabytes, WordProblem } from '../core/word/wordModel';
import { readTextFile } from '../node/readTextFile';
import { writeFileAtomically } from '../node/writeFileAtomically';
import { UsageError } from './checkGroup';
import { stdoutSink } from './output';
import { CommandOutcome, reported } from './reported';
import { WORD_USAGE } from './wordUsage';

interface WordArguments {
  file?: string;
  out?: string;
  author?: string;
  date?: string;
}

function parseArguments(command: string, args: string[]): WordArguments & { file: string } {
  const parsed: WordArguments = {};
  const valued: Record<string, keyof WordArguments> = { '-o': 'out', '--output': 'out', '--author': 'author' };
  if (command === 'export') valued['--date'] = 'date';
  for (let i = 0; i < args.length; i++) {
    const key = Object.hasOwn(valued, args[i]) ? valued[args[i]] : undefined;
    if (key !== undefined) {
      if (args[i + 1] === undefined) throw new UsageError(`${args[i]} needs a value`);
      parsed[key] = args[++i];
    } else if (args[i].startsWith('-') && args[i] !== '-') throw new UsageError(`unknown option "${args[i]}" for ${command}`);
    else if (parsed.file === undefined) parsed.file = args[i];
    else throw new UsageError(`${command} takes one FILE (also given: ${args[i]})`);
  }
  if (parsed.file === undefined) throw new UsageError(`${command} needs a FILE`);
  return { ...parsed, file: parsed.file };
}

/** The "word" settings of the nearest sec.config.json in the folder or above it. */
function wordSettingsFor(folder: string): WordSettings {
  for (let dir = folder; ; dir = dirname(dir)) {
    const path = join(dir, CONFIG_FILE_NAME);
    if (existsSync(path)) {
      let raw: unknown;
      try {
        raw = JSON.parse(readTextFile(path));
      } catch {
        process.stderr.write(`secls: warning: ${path} is not valid JSON; its "word" settings are not used\n`);
        return {};
      }
      const word = (raw as Record<string, unknown> | null)?.word;
      if (word === undefined) return {};
      return readWordSettings(word, (message) => process.stderr.write(`secls: warning: ${path}: ${message}\n`));
    }
    if (dirname(dir) === dir) return {};
  }
}

/** Prints the problems, each at `where` its line is; 1 when one leaves malformed changes, else 0. */
function report(problems: WordProblem[], where: (line?: number) => string): number {
  for (const problem of problems) process.stderr.write(`secls: ${problem.severity}: ${where(problem.line)}: ${problem.message}\n`);
  return problems.some((problem) => problem.severity === 'error') ? 1 : 0;
}

function write(path: string, shown: string, data: string | Uint8Array): void {
  try {
    writeFileAtomically(path, data);
  } catch (error) {
    throw new UsageError(`cannot write ${shown}: ${(error as Error).message}`);
  }
}

function outputPath(cwd: string, source: string, given: string | undefined, extension: string): { path: string; shown: string } {
  const shown = given ?? join(dirname(source), basename(source, extname(source)) + extension);
  const path = resolve(cwd, shown);
  if (path === resolve(cwd, source)) throw new UsageError(`the output ${shown} would overwrite ${source}; name another with -o`);
  return { path, shown };
}

async function runExport(cwd: string, args: string[]): Promise<CommandOutcome> {
  const options = parseArguments('export', args);
  const file = options.file;
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readTextFile(path);
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  const size = Buffer.byteLength(text);
  if (size > MAX_EXPORT_TEXT_BYTES) {
    throw new UsageError(`cannot export ${file}: it is ${megabytes(size)}, above the ${megabytes(MAX_EXPORT_TEXT_BYTES)} a Word export takes at once; export it in parts`);
  }
  const settings = wordSettingsFor(dirname(path));
  const date = options.date === undefined ? settings.date ?? revisionDate(new Date().toISOString()) : revisionDate(options.date);
  if (date === undefined) throw new UsageError(`--date "${options.date}" is not a date such as 2026-03-31 or 2026-03-31T14:00:00Z`);
  const author = options.author ?? settings.author ?? DEFAULT_WORD_AUTHOR;
  const out = outputPath(cwd, file, options.out, '.docx');
  const result = await wordEngines().secToDocx(text, { author, date, title: basename(path) });
  const exitCode = report(result.problems, (line) => (line === undefined ? file : `${file}:${line}`));
  write(out.path, out.shown, result.bytes);
  return { output: `Wrote ${out.shown}: ${describeChanges(result.summary)} as tracked changes by ${author}, ${date}\n`, exitCode };
}

function readDocx(path: string, file: string): Uint8Array {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error('not a file');
    size = stats.size;
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (size > MAX_DOCX_FILE_BYTES) {
    throw new UsageError(`cannot import ${file}: it is ${megabytes(size)}, above the ${megabytes(MAX_DOCX_FILE_BYTES)} limit for a Word document; nothing was written`);
  }
  return readFileSync(path);
}

async function runImport(cwd: string, args: string[]): Promise<CommandOutcome> {
  const options = parseArguments('import', args);
  const file = options.file;
  const bytes = readDocx(resolve(cwd, file), file);
  const out = options.out === undefined ? undefined : outputPath(cwd, file, options.out, '.sec');
  const author = options.author ?? wordSettingsFor(dirname(out?.path ?? resolve(cwd, file))).author ?? DEFAULT_WORD_AUTHOR;
  const { docxToSec, WordFormatError } = wordEngines();
  let result;
  try {
    result = docxToSec(bytes, { author });
  } catch (error) {
    if (!(error instanceof WordFormatError)) throw error;
    throw new UsageError(`cannot import ${file}: ${error.message}; nothing was written`);
  }
  const exitCode = report(result.problems, (line) => {
    if (line === undefined) return file;
    return out === undefined ? `${file} (line ${line} of the imported text)` : `${out.shown}:${line}`;
  });
  if (out === undefined) return { output: result.text, exitCode };
  write(out.path, out.shown, result.text);
  return { output: `Wrote ${out.shown}: ${describeChanges(countChanges(result.text))}\n`, exitCode };
}

/** Runs `secls export|import ...`; the exit status: 0 written, 1 written with malformed changes, 2 refused or usage error. */
export async function runWordCommand(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (rest.includes('-h') || rest.includes('--help')) {
    process.stdout.write(`Usage: ${WORD_USAGE.trimStart()}\n`);
    return 0;
  }
  return reported(() => (command === 'export' ? runExport(process.cwd(), rest) : runImport(process.cwd(), rest)), stdoutSink());
}
