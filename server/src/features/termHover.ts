// Hover on a defined term, a use of it or its definition: the term, the first lines of its
// definition, where it is defined (file, line, the unit that holds it), the clause a pointer
// definition names ("has the meaning given to that expression in Section H14.1") with that
// clause's first lines, and where the definition applies. The use is found by binary search
// over the file's uses, and nothing else is read but the definitions' own text: a hover never
// scans the workspace.
import type { Hover } from 'vscode-languageserver-types';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import { fileName } from '../core/model/uris';
import type { TermDefinition } from '../core/resolve/glossary';
import { escape, preview } from './preview';
import { toRange, unitText } from './shared';
import { definitionsFor, pointerOf, TermAt, termAt, unitHolding } from './terms';

const DEFINITION_LINES = 6;
const POINTER_LINES = 6;
const OTHERS_SHOWN = 3;

export function termHover(index: WorkspaceIndex, uri: string, offset: number): Hover | null {
  const summary = index.summary(uri);
  const found = summary ? termAt(index, uri, offset) : undefined;
  if (!summary || !found) return null;
  const [shown, ...others] = orderedDefinitions(found, uri);
  const parts = [`**${escape(found.entry.term)}** — ${found.definition ? 'defined term, defined here' : 'defined term'}`];
  if (shown) parts.push(...definitionParts(index, shown));
  if (others.length > 0) parts.push(otherDefinitions(index, others));
  return { contents: { kind: 'markdown', value: parts.join('\n\n') }, range: toRange(summary, found.span) };
}

/** The definition hovered, or the one that applies at the use, first. */
function orderedDefinitions(found: TermAt, uri: string): TermDefinition[] {
  const ordered = definitionsFor(found.entry, uri, found.span.start);
  if (!found.definition) return ordered;
  const own = ordered.findIndex((source) => source.definition === found.definition);
  return own <= 0 ? ordered : [ordered[own], ...ordered.slice(0, own), ...ordered.slice(own + 1)];
}

/** The definition's text (from the start of its line), where it is, its pointer, and where it applies. */
function definitionParts(index: WorkspaceIndex, source: TermDefinition): string[] {
  const { uri, definition } = source;
  const summary = index.summary(uri);
  if (!summary) return [];
  const text = summary.parsed.text;
  const lineStart = text.lastIndexOf('\n', definition.start - 1) + 1;
  const parts = [preview(text.slice(lineStart, definition.definitionEnd), DEFINITION_LINES)];
  const unit = unitHolding(summary, definition.start);
  const line = summary.lines.positionAt(definition.start).line + 1;
  parts.push(`*Defined in ${escape(fileName(uri))}, line ${line}${unit ? ` · ${unit.id}` : ''}${source.draft ? ' (a draft)' : ''}*`);
  const pointer = pointerPart(index, uri, source);
  if (pointer) parts.push(pointer);
  parts.push(definition.scope ? `Applies in **${escape(definition.scope.id)}** only.` : 'Applies throughout the Code.');
  return parts;
}

/** "Its meaning is given in Section H14.1", and that clause's first lines when the workspace has them. */
function pointerPart(index: WorkspaceIndex, uri: string, source: TermDefinition): string | undefined {
  const reference = pointerOf(index, uri, source.definition);
  if (!reference) return undefined;
  const target = reference.target;
  if (target === null) return `Its meaning is given in ${escape(reference.text)}, outside the SEC.`;
  const found = index.definitionsOf(target)[0];
  const owner = found ? index.summary(found.uri) : undefined;
  if (!found || !owner) {
    const resolution = index.resolveId(target);
    const title = index.titlesOf(target)[0];
    const status = resolution.status === 'broken' ? 'which does not exist' : 'whose text is not in the workspace';
    return `Its meaning is given in **${escape(target)}**${title ? ` — ${escape(title)}` : ''}, ${status}.`;
  }
  const where = `${escape(fileName(found.uri))}, line ${owner.lines.positionAt(found.unit.labelStart).line + 1}`;
  return `Its meaning is given in **${escape(target)}** (${where}):\n\n${preview(unitText(owner, found.unit, POINTER_LINES), POINTER_LINES)}`;
}

/** The term's other definitions: where each is and where it applies. */
function otherDefinitions(index: WorkspaceIndex, others: readonly TermDefinition[]): string {
  const lines = others.slice(0, OTHERS_SHOWN).map(({ uri, definition }) => {
    const summary = index.summary(uri);
    const line = summary ? summary.lines.positionAt(definition.start).line + 1 : 0;
    return `- ${escape(fileName(uri))}, line ${line} (${definition.scope ? escape(definition.scope.id) : 'the whole Code'})`;
  });
  if (others.length > OTHERS_SHOWN) lines.push(`- … ${others.length - OTHERS_SHOWN} more`);
  return `Also defined in:\n${lines.join('\n')}`;
}
