// Outline (Section > Part > cross-heading > clause > paragraph, and each defined term under the
// unit that defines it), workspace symbols by id or title words, and folding ranges for every
// unit that spans lines.
import { DocumentSymbol, FoldingRange, SymbolInformation, SymbolKind } from 'vscode-languageserver-types';
import type { FileSummary } from '../core/index/summary';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Unit } from '../core/model/types';
import type { Glossary } from '../core/resolve/glossary';
import { readWordsUnbounded } from '../core/parse/words';
import type { Cancellation } from './cancellation';
import { toRange } from './shared';
import { unitIndexHolding } from './terms';

// No symbol kind is a Section or a clause; VS Code shows the kind's name beside each symbol
// ("H4.3 (number)") and groups Go to Symbol by it, so each kind is the one whose name reads
// truest of the unit: a numbered clause is a number, a paragraph (a), (b), (c) a member of an
// enumeration, a cross-heading words, a Part the namespace of its clauses' numbers.
const KIND: Record<Unit['kind'], SymbolKind> = {
  section: SymbolKind.Module,
  schedule: SymbolKind.Module,
  appendix: SymbolKind.Module,
  modification: SymbolKind.Event,
  part: SymbolKind.Namespace,
  clause: SymbolKind.Number,
  docClause: SymbolKind.Number,
  paragraph: SymbolKind.EnumMember,
};

const DOCUMENT_KINDS = new Set<Unit['kind']>(['section', 'schedule', 'appendix']);

/** The heading as the Code writes it: "Section H: DCC Services", "H4 Processing Service Requests", "(a)". */
function symbolName(unit: Unit): string {
  if (!unit.title || unit.kind === 'paragraph') return unit.label;
  return DOCUMENT_KINDS.has(unit.kind) ? `${unit.label}: ${unit.title}` : `${unit.label} ${unit.title}`;
}

/** The words after a clause's or paragraph's number, so that the outline reads as the text does. */
function firstWords(summary: FileSummary, unit: Unit): string | undefined {
  if (unit.kind !== 'clause' && unit.kind !== 'docClause' && unit.kind !== 'paragraph') return undefined;
  const text = summary.parsed.text;
  const lineEnd = text.indexOf('\n', unit.labelEnd);
  const line = text.slice(unit.labelEnd, lineEnd === -1 ? text.length : lineEnd).trim();
  if (!line) return undefined;
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** `glossary`: the workspace's, whose definitions in this file are listed too (those that count). */
export function documentSymbols(summary: FileSummary, glossary?: Glossary): DocumentSymbol[] {
  const units = summary.parsed.units;
  const symbols: Array<DocumentSymbol | undefined> = new Array(units.length);
  const roots: DocumentSymbol[] = [];
  /** The open cross-heading symbol of each Part (or document), which collects the clauses after it. */
  const crossHeadingOf = new Map<number, DocumentSymbol>();
  units.forEach((unit, i) => {
    const symbol: DocumentSymbol = {
      name: symbolName(unit),
      detail: firstWords(summary, unit),
      kind: KIND[unit.kind],
      range: toRange(summary, unit),
      selectionRange: toRange(summary, { start: unit.labelStart, end: unit.labelEnd }),
      children: [],
      tags: unit.notUsed ? [1] : undefined,
    };
    symbols[i] = symbol;
    const parent = unit.parent >= 0 ? symbols[unit.parent] : undefined;
    if (!parent) {
      roots.push(symbol);
      return;
    }
    if (unit.crossHeading) {
      const heading: DocumentSymbol = {
        name: unit.crossHeading.text,
        kind: SymbolKind.String,
        range: toRange(summary, { start: unit.crossHeading.start, end: unit.end }),
        selectionRange: toRange(summary, unit.crossHeading),
        children: [],
      };
      parent.children!.push(heading);
      crossHeadingOf.set(unit.parent, heading);
    }
    const holder = (unit.kind === 'clause' || unit.kind === 'docClause') ? crossHeadingOf.get(unit.parent) : undefined;
    if (holder) {
      holder.children!.push(symbol);
      holder.range = { start: holder.range.start, end: symbol.range.end };
    } else {
      parent.children!.push(symbol);
    }
  });
  if (glossary) addTermSymbols(summary, glossary, symbols, roots);
  return roots;
}

/** Each definition that counts, under the unit that holds it (its children kept in the text's order). */
function addTermSymbols(summary: FileSummary, glossary: Glossary, symbols: ReadonlyArray<DocumentSymbol | undefined>, roots: DocumentSymbol[]): void {
  const units = summary.parsed.units;
  const holders = new Set<DocumentSymbol[]>();
  for (const definition of summary.parsed.definitions) {
    const entry = glossary.byDefinition.get(definition);
    if (!entry) continue;
    const at = unitIndexHolding(summary, definition.start);
    const unit = at >= 0 ? units[at] : undefined;
    const end = Math.max(definition.end, unit ? Math.min(definition.definitionEnd, unit.end) : definition.definitionEnd);
    const symbol: DocumentSymbol = {
      name: entry.term,
      detail: definition.scope ? `defined term, for ${definition.scope.id}` : 'defined term',
      // A name whose meaning is fixed where it applies.
      kind: SymbolKind.Constant,
      range: toRange(summary, { start: definition.start, end }),
      selectionRange: toRange(summary, definition),
      children: [],
    };
    const holder = symbols[at]?.children ?? roots;
    holder.push(symbol);
    holders.add(holder);
  }
  const byPosition = (a: DocumentSymbol, b: DocumentSymbol): number =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  for (const holder of holders) holder.sort(byPosition);
}

export function workspaceSymbols(index: WorkspaceIndex, query: string, token?: Cancellation, limit = 500): SymbolInformation[] {
  const needle = query.trim();
  const queryWords = readWordsUnbounded(needle).map((word) => word.word);
  const idQuery = needle.toUpperCase().replace(/^SECTION\s+/, '');
  const results: SymbolInformation[] = [];
  for (const uri of index.uris().sort()) {
    if (token?.isCancellationRequested || results.length >= limit) break;
    const summary = index.summary(uri)!;
    for (const unit of summary.parsed.units) {
      if (unit.kind === 'paragraph') continue;
      const label = unit.label.toUpperCase();
      const byId = idQuery !== '' && (label.startsWith(idQuery) || unit.id.toUpperCase().startsWith(needle.toUpperCase()));
      const title = unit.title || unit.crossHeading?.text || '';
      const byTitle = !byId && queryWords.length > 0 && title !== '' && matchesWords(title, queryWords);
      if (needle === '' || byId || byTitle) {
        results.push({ name: symbolName(unit), kind: KIND[unit.kind], location: { uri, range: toRange(summary, { start: unit.labelStart, end: unit.labelEnd }) }, containerName: unit.parent >= 0 ? summary.parsed.units[unit.parent].id : undefined });
        if (results.length >= limit) break;
      }
    }
  }
  return results;
}

function matchesWords(title: string, queryWords: string[]): boolean {
  const words = readWordsUnbounded(title).map((word) => word.word);
  return queryWords.every((query) => words.some((word) => word.startsWith(query)));
}

export function foldingRanges(summary: FileSummary): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const lines = summary.lines;
  for (const unit of summary.parsed.units) {
    const start = lines.positionAt(unit.start).line;
    const end = lines.positionAt(unit.end).line;
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: 'region' });
  }
  return ranges;
}
