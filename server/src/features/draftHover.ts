// What a hover on a draft's instruction adds to the instruction's own preview: for "Amend … as
// follows:", the unit as the draft leaves it, word by word against the Code's text; where the
// Code has moved on since the draft was written, how (the baseline against what the draft
// assumes); and the other drafts this instruction conflicts or applies cleanly with.
import type { ChangeAnalysis } from '../core/amend/analysis';
import { conflictMessage } from '../core/amend/draftChecks';
import type { WorkspaceIndex } from '../core/index/workspaceIndex';
import type { Instruction } from '../core/model/types';
import { fileName } from '../core/model/uris';
import { acceptChanges, scanChanges } from '../core/text/criticMarkup';
import { WordDiffPart, WordToken, wordDiff } from '../core/text/wordDiff';

/** Unchanged words shown on either side of a change; the rest is "…". */
const CONTEXT_WORDS = 12;

function escape(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|~])/g, '\\$1');
}

/** What goes before a token: a line break only where a paragraph's label starts a line (reflowed lines read as one). */
function spacing(tokens: readonly WordToken[], i: number): string {
  const token = tokens[i];
  if (token.newline && token.text === '(') return '  \n';
  return token.spaced ? ' ' : '';
}

function joined(tokens: readonly WordToken[], first: boolean): string {
  return tokens.map((token, i) => `${i === 0 && first ? '' : spacing(tokens, i)}${escape(token.text)}`).join('');
}

/** Leading spacing of a run, kept outside its markers (Markdown does not close "~~" after a space). */
function marked(tokens: readonly WordToken[], marker: string, first: boolean): string {
  const text = joined(tokens, first);
  const lead = /^(?: {2}\n| )?/.exec(text)![0];
  return `${lead}${marker}${text.slice(lead.length)}${marker}`;
}

/** A word difference as Markdown: removed words struck through, added words in bold, long unchanged stretches cut. */
export function markdownDiff(parts: readonly WordDiffPart[]): string {
  return parts.map((part, i) => {
    const first = i === 0;
    if (part.kind === 'removed') return marked(part.tokens, '~~', first);
    if (part.kind === 'added') return marked(part.tokens, '**', first);
    const tokens = part.tokens;
    const head = i === 0 ? 0 : CONTEXT_WORDS;
    const tail = i === parts.length - 1 ? 0 : CONTEXT_WORDS;
    if (tokens.length <= head + tail + 1) return joined(tokens, first);
    return `${joined(tokens.slice(0, head), first)}${head > 0 ? ' ' : ''}…${tail > 0 ? ' ' : ''}${joined(tokens.slice(tokens.length - tail), tail > 0)}`;
  }).join('');
}

function analysisOf(index: WorkspaceIndex, uri: string, instruction: Instruction): ChangeAnalysis | undefined {
  const draft = index.drafts().find((candidate) => candidate.uri === uri);
  const change = draft?.changes.find((candidate) => candidate.instruction === instruction);
  return draft && change ? index.amendments.analyses.of(draft, change) : undefined;
}

function difference(from: string, to: string): string {
  const parts = wordDiff(from, to);
  return parts === null ? '*(too different to show word by word)*' : `> ${markdownDiff(parts)}`;
}

/** "Amend Section H4.10 as follows:": the unit as the draft leaves it, against the Code's text. */
export function amendmentHover(index: WorkspaceIndex, uri: string, instruction: Instruction): string {
  const title = `**Amend ${instruction.target}**`;
  const analysis = analysisOf(index, uri, instruction);
  const body = analysis?.change.body;
  if (body === undefined) return `${title}\n\nNo amended text follows the instruction: write the unit, with its changes in CriticMarkup, on the lines below it.`;
  const after = acceptChanges(body, scanChanges(body).spans);
  const baseline = analysis!.baseline;
  if (!baseline) return `${title}\n\nThe text of ${instruction.target} is not in the workspace: the amendment cannot be compared with it.\n\n${difference(after, after)}`;
  const wording = analysis!.wording!;
  // Against the Code's text when the draft still applies to it; against what the draft assumes when it does not (the note below says how the two differ).
  const from = wording.applies ? wording.compared : wording.assumed;
  const where = wording.applies ? `as ${escape(fileName(baseline.uri))} has it` : 'as this draft assumes it';
  return `${title}\n\n${difference(from, after)}\n\n*The text ${where}: ~~struck~~ words are deleted, **bold** ones inserted.*`;
}

/** The base mismatch and the conflicts of an instruction, as paragraphs to add to its hover ('' when there are none). */
export function draftNotes(index: WorkspaceIndex, uri: string, instruction: Instruction): string {
  const analysis = analysisOf(index, uri, instruction);
  if (!analysis) return '';
  const notes: string[] = [];
  const { baseline, wording } = analysis;
  if (baseline && wording && !wording.applies && instruction.kind !== 'replace') {
    notes.push(`**The Code has moved on**: ${escape(fileName(baseline.uri))} has, ~~struck~~, words this draft assumes and, in **bold**, words it does not know:`);
    notes.push(difference(wording.assumed, wording.compared));
  }
  for (const conflict of index.amendments.conflicts()) {
    const other = conflict.a === analysis ? conflict.b : conflict.b === analysis ? conflict.a : null;
    if (other) notes.push(`${conflict.kind === 'commutes' ? '✓' : '⚠'} ${escape(conflictMessage(other, conflict.kind))}`);
  }
  return notes.length === 0 ? '' : `\n\n---\n\n${notes.join('\n\n')}`;
}
