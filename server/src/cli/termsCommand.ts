// `secls terms [PATH...] [--json]`: the workspace's glossary: each defined term, where it is
// defined, where it applies, and how many times the workspace uses it.
import { relative, resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { OneShotIndex } from '../core/index/oneShotIndex';
import { pointerReference } from '../core/parse/definitions';
import type { LineIndex } from '../core/text/lineIndex';
import type { Reference } from '../core/model/types';
import { UsageError } from './checkGroup';
import { loadWorkspace } from './loadWorkspace';
import type { CommandOutcome } from './reported';

interface TermRow {
  term: string;
  file: string;
  line: number;
  range: ReturnType<LineIndex['rangeOf']>;
  scope: string;
  uses: number;
  pointer?: string;
}

/** Exit status: 0 (a glossary is a listing, not a check), 2 usage error. */
export function runTerms(cwd: string, args: string[]): CommandOutcome {
  const json = args.includes('--json');
  const paths = args.filter((arg) => arg !== '--json');
  const unknown = paths.find((arg) => arg.startsWith('-') && arg !== '-');
  if (unknown) throw new UsageError(`unknown option "${unknown}" for terms`);
  const first = paths.length > 0 ? resolve(cwd, paths[0]) : cwd;
  const root = statSync(first, { throwIfNoEntry: false })?.isDirectory() ? first : resolve(first, '..');
  const { index } = loadWorkspace(cwd, root, paths);
  const rows = glossaryRows(index, cwd);
  if (json) return { output: `${JSON.stringify({ terms: rows.map(({ line: _line, ...row }) => row) }, null, 2)}\n`, exitCode: 0 };
  const width = Math.min(48, Math.max(4, ...rows.map((row) => row.term.length)));
  const lines = rows.map((row) => `${row.term.padEnd(width)}  ${row.file}:${row.line}  (${row.scope})  ${row.uses} use${row.uses === 1 ? '' : 's'}${row.pointer ? `  → ${row.pointer}` : ''}\n`);
  const total = `${rows.length} defined term${rows.length === 1 ? '' : 's'}, ${rows.filter((row) => row.uses === 0).length} unused.\n`;
  return { output: `${lines.join('')}${total}`, exitCode: 0 };
}

function glossaryRows(index: OneShotIndex, cwd: string): TermRow[] {
  const counts = new Map<string, number>();
  for (const uri of index.uris()) for (const use of index.resolve(uri).termUses) counts.set(use.term, (counts.get(use.term) ?? 0) + 1);
  // A one-shot index scans a file's citations afresh when asked: once per file with a pointer.
  const references = new Map<string, readonly Reference[]>();
  const rows: TermRow[] = [];
  const entries = [...index.glossary().entries.values()].filter((entry) => entry.defined);
  for (const entry of entries.sort((a, b) => a.term.localeCompare(b.term, 'en-GB'))) {
    for (const { uri, definition } of entry.definitions) {
      const range = index.summary(uri)!.lines.rangeOf(definition);
      const row: TermRow = { term: entry.term, file: relative(cwd, uri) || uri, line: range.start.line + 1, range, scope: definition.scope?.id ?? 'code', uses: counts.get(entry.term) ?? 0 };
      if (definition.pointerFrom !== undefined) {
        if (!references.has(uri)) references.set(uri, index.referencesOf(uri));
        const pointer = pointerReference(references.get(uri)!, definition)?.target;
        if (pointer) row.pointer = pointer;
      }
      rows.push(row);
    }
  }
  return rows;
}
