// `secls apply FILE` and `secls redline FILE -o OUT.html`: the amended text and the redline.
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { acceptChanges, scanChanges } from '../core/text/criticMarkup';
import { redlineDocument } from '../core/text/redline';
import { readTextFile, UnreadableFileError } from '../node/readTextFile';
import { UsageError } from './checkCommand';

function readSource(cwd: string, file: string | undefined, command: string): { path: string; text: string } {
  if (!file) throw new UsageError(`${command} needs a FILE`);
  const path = resolve(cwd, file);
  try {
    return { path, text: readTextFile(path) };
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  }
}

export function runApply(cwd: string, args: string[]): { output: string; exitCode: number } {
  const { text } = readSource(cwd, args.find((arg) => !arg.startsWith('-')), 'apply');
  const { spans, malformed } = scanChanges(text);
  const warnings = malformed.map((problem) => `secls: warning: ${problem.message}\n`).join('');
  if (warnings) process.stderr.write(warnings);
  return { output: acceptChanges(text, spans), exitCode: 0 };
}

export function runRedline(cwd: string, args: string[]): { output: string; exitCode: number } {
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-o' || args[i] === '--output') out = args[++i];
    else if (args[i].startsWith('-')) throw new UsageError(`unknown option "${args[i]}"`);
    else files.push(args[i]);
  }
  if (args.includes('-o') && !out) throw new UsageError('-o needs a file name');
  const { path, text } = readSource(cwd, files[0], 'redline');
  const html = redlineDocument(text, basename(path));
  if (!out) return { output: html, exitCode: 0 };
  try {
    writeFileSync(resolve(cwd, out), html);
  } catch (error) {
    throw new UsageError(`cannot write ${out}: ${(error as Error).message}`);
  }
  return { output: `Wrote ${out}\n`, exitCode: 0 };
}
