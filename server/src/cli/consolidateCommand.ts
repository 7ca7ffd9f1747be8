// `secls consolidate BASELINE_DIR DRAFT... -o OUT_DIR [--version 6.20] [--date 2026-12-31]`:
// the drafts applied, in order, to a copy of the baseline folder, with a new Version Control row.
// The baseline is never written to; a refused consolidation writes nothing.
import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { consolidate, Consolidation } from '../core/amend/consolidate';
import { consolidationRow } from '../core/amend/versionRow';
import { nextVersion, readVersionControl, tableDate } from '../core/catalogue/versionControl';
import { referencesIn } from '../core/parse/parseDocument';
import { LineIndex } from '../core/text/lineIndex';
import { readTextFile } from '../node/readTextFile';
import { isFreeFolder, writeFolderCopy } from '../node/writeFolder';
import { UsageError } from './checkGroup';
import { LoadedWorkspace, loadWorkspace } from './loadWorkspace';
import type { CommandOutcome } from './reported';

/** A draft that does not apply, or two that conflict: nothing is written. */
export const REFUSED = 3;
/** Where the row goes when the baseline has no Version Control table of its own. */
const ROW_FILE = 'version-control.txt';

interface ConsolidateArguments {
  baseline: string;
  drafts: string[];
  out: string;
  version?: string;
  date?: string;
  reason?: string;
}

function parseArguments(args: readonly string[]): ConsolidateArguments {
  const valued: Record<string, 'out' | 'version' | 'date' | 'reason'> = { '-o': 'out', '--output': 'out', '--version': 'version', '--date': 'date', '--reason': 'reason' };
  const parsed: Partial<ConsolidateArguments> & { paths: string[] } = { paths: [] };
  for (let i = 0; i < args.length; i++) {
    const key = Object.hasOwn(valued, args[i]) ? valued[args[i]] : undefined;
    if (key !== undefined) {
      if (args[i + 1] === undefined) throw new UsageError(`${args[i]} needs a value`);
      parsed[key] = args[++i];
    } else if (args[i].startsWith('-')) throw new UsageError(`unknown option "${args[i]}" for consolidate`);
    else parsed.paths.push(args[i]);
  }
  const [baseline, ...drafts] = parsed.paths;
  if (baseline === undefined || drafts.length === 0) throw new UsageError('consolidate needs a BASELINE_DIR and at least one DRAFT');
  if (parsed.out === undefined) throw new UsageError('consolidate needs -o OUT_DIR: the baseline itself is never written to');
  if (parsed.version !== undefined && !/^\d{1,3}\.\d{1,3}$/.test(parsed.version)) throw new UsageError(`--version "${parsed.version}" is not a version such as 6.20`);
  return { ...parsed, baseline, drafts, out: parsed.out };
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

function checkFolders(cwd: string, options: ConsolidateArguments): { baseline: string; out: string } {
  const baseline = resolve(cwd, options.baseline);
  const out = resolve(cwd, options.out);
  if (!statSync(baseline, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`${options.baseline} is not a folder: give the baseline's folder`);
  if (isInside(baseline, out) || isInside(out, baseline)) throw new UsageError(`${options.out} must be outside the baseline folder ${options.baseline}, and not contain it`);
  if (!isFreeFolder(out)) throw new UsageError(`${options.out} exists and is not empty: name a new or empty folder`);
  for (const draft of options.drafts) if (!statSync(resolve(cwd, draft), { throwIfNoEntry: false })?.isFile()) throw new UsageError(`cannot read ${draft}: no such file`);
  return { baseline, out };
}

/** The baseline's Version Control table: in one of its .sec files, or in the catalogue file sec.config.json names. */
function versionTableFile(workspace: LoadedWorkspace, baseline: string, baselineFiles: readonly string[]): string | undefined {
  const candidates = [...baselineFiles];
  const named = workspace.config.cataloguePath;
  if (named) {
    const path = resolve(baseline, named);
    if (statSync(path, { throwIfNoEntry: false })?.isFile()) candidates.push(path);
  }
  return candidates.find((path) => readVersionControl(workspace.index.summary(path)?.parsed.text ?? readTextFile(path)) !== null);
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

interface Written {
  row: string;
  rowFile: string;
  version: string;
  date: string;
}

/** The new Version Control row, added to the baseline's table (the file's new text in `changed`) or to a file of its own. */
function addRow(consolidation: Consolidation, workspace: LoadedWorkspace, options: ConsolidateArguments, folders: { baseline: string }, baselineFiles: readonly string[]): Written & { add: Map<string, string> } {
  const tableFile = versionTableFile(workspace, folders.baseline, baselineFiles);
  const tableText = tableFile === undefined ? undefined : consolidation.changed.get(tableFile) ?? readTextFile(tableFile);
  const table = tableText === undefined ? null : readVersionControl(tableText);
  const previous = table?.version ?? workspace.catalogue.version;
  const version = options.version ?? nextVersion(previous);
  if (version === undefined) throw new UsageError('the baseline names no version of the Code: give the new one with --version');
  const date = tableDate(options.date ?? today());
  if (date === undefined) throw new UsageError(`--date "${options.date}" is not a date such as 2026-12-31`);
  const row = consolidationRow(consolidation, { version, previous, date, reason: options.reason });
  const add = new Map<string, string>();
  if (table && tableFile && tableText !== undefined) {
    consolidation.changed.set(tableFile, `${tableText.slice(0, table.insertAt)}\n\n${row}${tableText.slice(table.insertAt)}`);
  } else {
    add.set(ROW_FILE, `Version Control\n\nVersion\nNumber\n\nImplementation Date Reason for Change Overview of Modifications incorporated\n\n${row}\n`);
  }
  return { row, rowFile: tableFile ? relative(folders.baseline, tableFile) : ROW_FILE, version, date, add };
}

function refused(consolidation: Consolidation): CommandOutcome {
  process.stderr.write(`secls: cannot consolidate; nothing was written:\n${consolidation.refusals.map((refusal) => `  ${refusal}\n`).join('')}`);
  return { output: '', exitCode: REFUSED };
}

function warnDangling(consolidation: Consolidation, workspace: LoadedWorkspace, cwd: string): number {
  for (const { uri, start, target, removedBy } of consolidation.dangling) {
    const text = consolidation.changed.get(uri) ?? workspace.index.summary(uri)!.parsed.text;
    const position = new LineIndex(text).positionAt(start);
    process.stderr.write(`secls: warning: ${relative(cwd, uri)}:${position.line + 1}:${position.character + 1}: ${target} is cited, but ${removedBy} removes it\n`);
  }
  return consolidation.dangling.length > 0 ? 1 : 0;
}

function summary(consolidation: Consolidation, written: Written, out: string): string {
  const drafts = consolidation.applied.map(({ draft, amended, inserted, deleted, renumbered }) => {
    const counts = [[amended, 'amended'], [inserted, 'inserted'], [deleted, 'deleted'], [renumbered, 'renumbered']].filter(([count]) => count !== 0);
    return `${draft.name} (${counts.map(([count, what]) => `${count} ${what}`).join(', ')})`;
  });
  return `Consolidated ${drafts.join(', ')} into ${out} as SEC version ${written.version} (${written.date}).\n` +
    `Version Control row added to ${written.rowFile}:\n\n${written.row}\n`;
}

export function runConsolidate(cwd: string, args: string[]): CommandOutcome {
  const options = parseArguments(args);
  const folders = checkFolders(cwd, options);
  const draftPaths = options.drafts.map((draft) => resolve(cwd, draft));
  const workspace = loadWorkspace(cwd, folders.baseline, [folders.baseline], draftPaths);
  const { index } = workspace;
  const byUri = new Map(index.drafts().map((draft) => [draft.uri, draft]));
  const drafts = draftPaths.map((path, i) => {
    const draft = byUri.get(path);
    if (!draft) throw new UsageError(`${options.drafts[i]} has no amendment instructions: it is not a draft`);
    return draft;
  });
  const baselineFiles = workspace.files.filter((file) => !byUri.has(file));
  const consolidation = consolidate({
    drafts, analyses: index.amendments.analyses, baselineUris: baselineFiles,
    textOf: (uri) => index.summary(uri)!.parsed.text,
    unitsOf: (uri) => index.summary(uri)?.parsed.units ?? [],
    referencesOf: (uri) => index.referencesOf(uri),
    referencesIn: (text) => referencesIn(text, index.documentNames),
  });
  if (consolidation.refusals.length > 0) return refused(consolidation);
  const written = addRow(consolidation, workspace, options, folders, baselineFiles);
  const leaveOut = new Set(draftPaths.filter((path) => isInside(folders.baseline, path)));
  try {
    writeFolderCopy(folders.baseline, folders.out, { leaveOut, replace: consolidation.changed, add: written.add });
  } catch (error) {
    throw new UsageError(`cannot write ${options.out}: ${(error as Error).message}; nothing was written`);
  }
  const exitCode = warnDangling(consolidation, workspace, cwd);
  return { output: summary(consolidation, written, options.out), exitCode };
}
