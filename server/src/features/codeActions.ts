// Quick fixes: cite the replacement of a deprecated target; use the target's real title;
// for a broken reference one edit away from an existing id, "Did you mean ...?"; a defined term
// written with other capitals, as defined (its plural or possessive ending kept); for a near
// miss of a defined term, "Did you mean ...?" for each term it is near.
import { CodeAction, CodeActionKind, Range, TextEdit } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import { levelOf, parentId, shortLabel } from '../core/model/ids';
import type { CoreDiagnostic, Reference } from '../core/model/types';
import { toLspDiagnostics } from './diagnostics';
import { childUnits, toRange } from './shared';
import { rewriteUse } from './terms';

const MAX_SUGGESTIONS = 3;
const collator = new Intl.Collator('en', { numeric: true });

/** Optimal string alignment distance (transpositions count as one edit), capped at 2. */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** Ids that exist beside where the missing target would be. */
function siblings(index: EditorIndex, container: string): string[] {
  const ids = new Set<string>();
  for (const definition of index.definitionsOf(container).slice(0, 1)) {
    const summary = index.summary(definition.uri);
    if (summary) for (const unit of childUnits(summary, definition.unit)) ids.add(unit.id);
  }
  for (const id of index.definedHeadings()) if (parentId(id) === container) ids.add(id);
  for (const entry of index.catalogue?.entries() ?? []) if (parentId(entry.id) === container) ids.add(entry.id);
  return [...ids];
}

export function suggestionsFor(index: EditorIndex, target: string, nearestExisting: string | undefined): string[] {
  if (!nearestExisting || levelOf(target) === 'paragraph') return [];
  // Compare the written numbers: H4.21 against H4.12 is one transposition.
  const missing = shortLabel(target);
  // Same-length slips (a transposed or mistyped digit) are likelier than a lost or extra one.
  return siblings(index, nearestExisting)
    .filter((id) => editDistance(shortLabel(id), missing) === 1)
    .sort((a, b) => Math.abs(a.length - target.length) - Math.abs(b.length - target.length) || collator.compare(a, b))
    .slice(0, MAX_SUGGESTIONS);
}

/** Replaces the id in a written reference, keeping its keyword ("SEC Section X3" → "SEC Section X5"). */
function replaceTarget(text: string, reference: Reference, oldId: string, newId: string): { start: number; end: number; newText: string } {
  const written = text.slice(reference.start, reference.end);
  const oldShort = oldId.startsWith('Section ') && newId.startsWith('Section ') ? shortLabel(oldId) : oldId.split(' ').slice(1).join(' ');
  const newShort = oldId.startsWith('Section ') && newId.startsWith('Section ') ? shortLabel(newId) : newId.split(' ').slice(1).join(' ');
  const sameKind = oldId.split(' ')[0] === newId.split(' ')[0];
  const at = written.lastIndexOf(oldShort);
  if (sameKind && at !== -1) return { start: reference.start + at, end: reference.start + at + oldShort.length, newText: newShort };
  return { start: reference.start, end: reference.end, newText: newId };
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start <= b.end && b.start <= a.end;
}

export function codeActions(index: EditorIndex, uri: string, span: { start: number; end: number }): CodeAction[] {
  const summary = index.summary(uri);
  if (!summary) return [];
  const resolution = index.resolve(uri);
  const text = summary.parsed.text;
  const actions: CodeAction[] = [];
  const action = (title: string, diagnostic: CoreDiagnostic, edit: { start: number; end: number; newText: string }, preferred: boolean): void => {
    const range: Range = toRange(summary, edit);
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: toLspDiagnostics(summary.lines, [diagnostic]),
      isPreferred: preferred,
      edit: { changes: { [uri]: [TextEdit.replace(range, edit.newText)] } },
    });
  };
  for (const diagnostic of resolution.diagnostics) {
    if (!overlaps(diagnostic, span)) continue;
    const data = diagnostic.data ?? {};
    if (diagnostic.code === 'title-mismatch' && typeof data.title === 'string') {
      action(`Use the title of ${data.target}: "${data.title}"`, diagnostic, { start: diagnostic.start, end: diagnostic.end, newText: data.title }, true);
    }
    if (diagnostic.code === 'term-case-mismatch' && typeof data.term === 'string') {
      const written = text.slice(diagnostic.start, diagnostic.end);
      const replacement = rewriteUse(written, data.term, data.term);
      action(`Replace with the defined term: "${replacement}"`, diagnostic, { start: diagnostic.start, end: diagnostic.end, newText: replacement }, true);
    }
    if (diagnostic.code === 'near-miss-term' && Array.isArray(data.suggestions)) {
      data.suggestions.forEach((term: unknown, i: number) => {
        if (typeof term === 'string') action(`Did you mean "${term}"?`, diagnostic, { start: diagnostic.start, end: diagnostic.end, newText: term }, i === 0);
      });
    }
    const reference = resolution.references.find((r) => r.reference.start === diagnostic.start && r.reference.end === diagnostic.end)?.reference;
    if (!reference || !reference.target) continue;
    if (diagnostic.code === 'deprecated-reference' && typeof data.replacement === 'string') {
      action(`Cite ${data.replacement} instead of ${reference.target}`, diagnostic, replaceTarget(text, reference, reference.target, data.replacement), true);
    }
    if (diagnostic.code === 'broken-reference') {
      const suggestions = suggestionsFor(index, reference.target, data.nearestExisting as string | undefined);
      for (const id of suggestions) {
        const title = index.titlesOf(id)[0] ?? index.definitionsOf(id)[0]?.unit.crossHeading?.text;
        action(`Did you mean ${id}${title ? ` (${title})` : ''}?`, diagnostic, replaceTarget(text, reference, reference.target, id), id === suggestions[0]);
      }
    }
  }
  return actions;
}
