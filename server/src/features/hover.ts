// Hover: what a reference points at (heading, first lines, where it lives, status and why,
// Version Control history), a defined term (termHover.ts), an amendment instruction, or how
// often a unit is cited when hovering its own number.
import type { Hover } from 'vscode-languageserver-types';
import type { EditorIndex } from '../core/index/editorIndex';
import { ancestorIds, levelOf, rootDocumentId, shortLabel } from '../core/model/ids';
import type { Instruction, Unit } from '../core/model/types';
import type { ResolvedReference } from '../core/resolve/diagnostics';
import { amendmentHover, draftNotes } from './draftHover';
import { citationsOf } from './references';
import { fileName } from '../core/model/uris';
import { findLoosely } from '../core/text/looseMatch';
import { escape, preview } from './preview';
import { referenceAt, toRange, unitLabelAt, unitText } from './shared';
import { termHover } from './termHover';

const PREVIEW_LINES = 8;
const INSTRUCTION_PREVIEW_LINES = 16;
const HISTORY_ENTRIES = 6;

const STATUS_LINE: Record<string, string> = {
  ok: '✓ exists',
  unverified: '◌ unverified',
  broken: '✗ broken',
  deprecated: '⚠ deprecated',
  external: '↗ external',
  ambiguous: '? ambiguous',
};

function headingOf(index: EditorIndex, id: string, unit?: Unit): string {
  const title = unit?.title || unit?.crossHeading?.text || index.titlesOf(id)[0] || '';
  let context = '';
  const level = levelOf(id);
  if (level === 'clause' || level === 'paragraph' || level === 'docClause') {
    const container = ancestorIds(id).find((ancestor) => {
      const l = levelOf(ancestor);
      return l === 'part' || l === 'document';
    });
    if (container) {
      const containerTitle = index.titlesOf(container)[0];
      context = containerTitle ? ` · ${container} ${escape(containerTitle)}` : ` · ${container}`;
    }
  }
  return `**${id}**${title ? ` — ${escape(title)}` : ''}${context}`;
}

function referenceHover(index: EditorIndex, resolved: ResolvedReference): string {
  const { reference, resolution } = resolved;
  if (resolution.status === 'external') {
    return `**External reference** — ${escape(reference.text)}\n\n${reference.instrument ? `${escape(reference.instrument)} is` : 'This is'} not part of the SEC; it is not checked.`;
  }
  if (resolution.status === 'ambiguous' || !resolution.target) {
    return `**${escape(reference.text)}** — ${STATUS_LINE.ambiguous}\n\n${escape(resolution.reason ?? '')} Name the document, e.g. "of Appendix AK".`;
  }
  const target = resolution.target;
  const parts: string[] = [];
  const definition = resolution.definition && resolution.definition.unit.id === target ? resolution.definition : undefined;
  parts.push(headingOf(index, target, definition?.unit));
  let status = STATUS_LINE[resolution.status];
  if (resolution.reason && resolution.status !== 'ok') status += ` — ${escape(resolution.reason)}`;
  if (resolution.replacement) status += ` Its replacement is **${resolution.replacement}**.`;
  parts.push(status);
  if (reference.documentNamedBefore) {
    const document = rootDocumentId(target);
    parts.push(`*"${escape(reference.text)}" names no document: ${document} is the one named just before it. Write "of ${document}" to make it explicit.*`);
  }
  if (definition) {
    const summary = index.summary(definition.uri);
    if (summary) {
      parts.push(preview(unitText(summary, definition.unit, PREVIEW_LINES)));
      const line = summary.lines.positionAt(definition.unit.labelStart).line + 1;
      const inserted = definition.unit.inserted ? ' — inserted by this amendment (tracked change)' : '';
      parts.push(`*${escape(fileName(definition.uri))}, line ${line}${inserted}*`);
    }
  } else if (resolution.catalogueEntry && index.catalogue) {
    // Which version of the Code vouches for it: the catalogue is a snapshot, and may be older than the text cited.
    const source = escape(index.catalogue.describe().replace(/^the /, ''));
    parts.push(`*From ${source}*${resolution.status === 'unverified' ? ' — the text is not in the workspace' : ''}`);
  }
  const historyOwner = index.catalogue?.get(target) ? target : resolution.catalogueEntry?.id;
  const history = historyOwner ? index.catalogue?.history(historyOwner) ?? [] : [];
  if (history.length > 0) {
    const shown = history.slice(-HISTORY_ENTRIES).reverse();
    const lines = shown.map((entry) => `- **${entry.version}** (${entry.date}): ${escape(truncate(entry.changes || entry.reason, 140))}`);
    const more = history.length > shown.length ? `\n- … ${history.length - shown.length} earlier` : '';
    parts.push(`Version Control entries mentioning ${historyOwner}:\n${lines.join('\n')}${more}`);
  }
  return parts.join('\n\n');
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The target's text as the instruction leaves it; null when its quoted wording does not occur. */
function afterInstruction(instruction: Instruction, before: string): string | null {
  // Cut and joined, never String.replace: "$&", "$'" or "$`" in a drafter's text are text.
  const replaced = (span: { start: number; end: number }, by: string) => before.slice(0, span.start) + by + before.slice(span.end);
  if (instruction.kind === 'replace') {
    const found = findLoosely(before, instruction.find ?? '');
    return found ? replaced(found, instruction.replacement ?? '') : null;
  }
  const label = shortLabel(instruction.target);
  const at = before.indexOf(label);
  return at === -1 ? before : replaced({ start: at, end: at + label.length }, shortLabel(instruction.newId!));
}

/** An amendment instruction: the target's text before, and as the instruction leaves it. */
function instructionHover(index: EditorIndex, instruction: Instruction): string {
  const before = index.textOf(instruction.target);
  const title = {
    insert: `Insert ${instruction.newId} ${instruction.position} ${instruction.target}`,
    delete: `Delete ${instruction.target}`,
    replace: `Replace wording in ${instruction.target}`,
    renumber: `Renumber ${instruction.target} as ${instruction.newId}`,
    amend: `Amend ${instruction.target}`,
  }[instruction.kind];
  if (before === undefined) return `**${title}**\n\nThe text of ${instruction.target} is not in the workspace: the instruction cannot be previewed.`;
  let after: string;
  if (instruction.kind === 'delete') after = '*(deleted)*';
  else if (instruction.kind === 'insert') after = `*(${instruction.newId} is inserted ${instruction.position} it)*`;
  else {
    const text = afterInstruction(instruction, before);
    after = text === null ? '*(the quoted text does not occur: nothing changes)*' : preview(text, INSTRUCTION_PREVIEW_LINES);
  }
  return `**${title}**\n\nBefore:\n\n${preview(before, INSTRUCTION_PREVIEW_LINES)}\n\nAfter:\n\n${after}`;
}

export function hover(index: EditorIndex, uri: string, offset: number): Hover | null {
  const summary = index.summary(uri);
  if (!summary) return null;
  const resolved = referenceAt(index, uri, offset);
  if (resolved) {
    return { contents: { kind: 'markdown', value: referenceHover(index, resolved) }, range: toRange(summary, resolved.reference) };
  }
  const term = termHover(index, uri, offset);
  if (term) return term;
  const instruction = summary.parsed.instructions.find((candidate) => candidate.start <= offset && offset <= candidate.end);
  if (instruction) {
    const value = instruction.kind === 'amend' ? amendmentHover(index, uri, instruction) : instructionHover(index, instruction);
    return { contents: { kind: 'markdown', value: value + draftNotes(index, uri, instruction) }, range: toRange(summary, instruction) };
  }
  const unit = unitLabelAt(summary, offset);
  if (!unit) return null;
  const citations = citationsOf(index, unit.id);
  const files = new Set(citations.map((citation) => citation.uri));
  const lines = [
    headingOf(index, unit.id, unit),
    `Cited by **${citations.length}** reference${citations.length === 1 ? '' : 's'} from **${files.size}** file${files.size === 1 ? '' : 's'}.`,
  ];
  if (unit.notUsed) lines.push('Marked as not used: citations of it are reported as deprecated.');
  const elsewhere = index.definitionsOf(unit.id).length - 1;
  if (elsewhere > 0) lines.push(`Also defined in ${elsewhere} other file${elsewhere === 1 ? '' : 's'}.`);
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: toRange(summary, { start: unit.labelStart, end: unit.labelEnd }) };
}
