// Defined terms across the workspace: the glossary made from every file's definitions, each
// file's uses of it, and which files a change of definitions affects. Both indexes keep one.
//
// Each file's matches are kept until its text changes or a term it could use changes: a file
// whose words (each word's key: termWords.ts) include a word of a term that was added,
// removed or redefined is matched again, and no other. Whether a term is used anywhere, and
// whether a wrapped term's longer reading is (glossary.ts), are counted from the kept matches.
// A property test holds an index after any edits equal to a fresh one (incremental.test.ts).

import { sectionId } from '../model/ids';
import type { CoreDiagnostic, DefinedTerm, ParsedDocument, Reference } from '../model/types';
import { FileDefinitions, Glossary, TermDefinition } from '../resolve/glossary';
import { termDiagnostics } from '../resolve/termDiagnostics';
import { matchTerms, TermMatches, TermUse } from '../resolve/termMatcher';
import type { TextEdit } from '../parse/reparse';
import { rematchLines } from './rematchLines';
import { termKeys } from '../text/termWords';
import type { FileSummary } from './summary';

/** What the term index asks of the workspace index that holds it. */
export interface TermIndexSources {
  files: ReadonlyMap<string, FileSummary>;
  isDraft: (uri: string) => boolean;
  /** The Section letters of the Code (the catalogue's), and whether the workspace's text has each. */
  sectionLetters: () => readonly string[];
  defines: (id: string) => boolean;
  /** Files are matched again as terms change (the editor's index): each file's word keys are kept. */
  incremental: boolean;
}

interface FileTerms {
  matches: TermMatches;
  /** Terms this file uses (a wrapped term's both readings), for "is it used anywhere". */
  used: Set<string>;
}

export class TermIndex {
  private glossaryCache: Glossary | null = null;
  private readonly byUri = new Map<string, FileTerms>();
  /** Term → how many files use it. */
  private readonly useCounts = new Map<string, number>();
  private accepted = new Set<string>();
  /** Changes whenever any file's matches or the glossary change: what a cached answer was worked out from. */
  generation = 0;
  private wholeCode: boolean | undefined;
  /** The terms used somewhere when last settled: a term used since, or no longer, changes its definitions' files. */
  private lastUsed = new Set<string>();
  /** What the last settle saw; until a file or the glossary changes, settling again has nothing to do (every hover asks). */
  private settled: { generation: number; files: number; glossary: Glossary } | undefined;

  constructor(private readonly sources: TermIndexSources) {}

  /** The glossary, with every file matched (whether a wrapped term's longer reading is used depends on all of them). */
  glossary(): Glossary {
    this.settle();
    return this.glossaryCache!;
  }

  /**
   * A file's definitions may have changed (`previous` → `next`, undefined for none): returns the
   * other files whose uses or term diagnostics may have changed, whose matches are dropped.
   */
  fileChanged(uri: string, previous: readonly DefinedTerm[] | undefined, next: readonly DefinedTerm[] | undefined, edit?: TextEdit): string[] {
    const before = this.byUri.get(uri);
    this.forget(uri);
    // Equal definitions are still new objects, which the glossary must hold: it is rebuilt (cheaply), the other files' matches kept.
    if (previous !== next && (previous?.length || next?.length)) this.glossaryCache = null;
    const same = sameDefinitions(previous ?? [], next ?? []);
    const changed = same ? new Set<string>() : changedTerms(previous ?? [], next ?? []);
    // An edit that changes no term is matched again on its lines only (uses never span more than two lines).
    if (changed.size === 0 && before && edit) this.rematchEdited(uri, before, edit);
    const affected = changed.size === 0 ? [] : this.dropUsersOf(changed, uri);
    // A duplicate definition's message says where the other one is: moving a definition changes the other files that define its term.
    if (!same) affected.push(...this.otherDefinersOf(uri, [...(previous ?? []), ...(next ?? [])]));
    return [...new Set(affected)];
  }

  /** The other files that define one of these definitions' terms. */
  private otherDefinersOf(uri: string, definitions: readonly DefinedTerm[]): string[] {
    const terms = new Set(definitions.map((definition) => definition.term));
    const definers: string[] = [];
    for (const [other, summary] of this.sources.files) {
      if (other !== uri && summary.parsed.definitions.some((definition) => terms.has(definition.term))) definers.push(other);
    }
    return definers;
  }

  private rematchEdited(uri: string, before: FileTerms, edit: TextEdit): void {
    const summary = this.sources.files.get(uri);
    if (!summary) return;
    this.glossaryCache ??= this.build();
    const { parsed } = summary;
    // Tracked changes may read differently far from the edit (an unclosed marker): the whole file.
    if (parsed.reading !== undefined) return;
    const spliced = rematchLines(parsed.text, before.matches, edit, (range, seed) =>
      matchTerms(parsed.text, this.glossaryCache!, { uri, skip: parsed.contents, keys: true, range, before: seed }));
    if (spliced) this.store(uri, spliced);
  }

  /** Matches every file that has none, then settles which wrapped readings count: returns the files that changes. */
  settle(): string[] {
    const settled = this.settled;
    if (settled && settled.glossary === this.glossaryCache && settled.generation === this.generation && settled.files === this.sources.files.size) return [];
    const affected = this.settleNow();
    this.settled = { generation: this.generation, files: this.sources.files.size, glossary: this.glossaryCache! };
    return affected;
  }

  private settleNow(): string[] {
    this.glossaryCache ??= this.build();
    const usedBefore = this.lastUsed;
    for (const uri of this.sources.files.keys()) if (!this.byUri.has(uri)) this.match(uri);
    const accepted = this.acceptedReadings();
    const affected: string[] = [];
    if (!sameSet(accepted, this.accepted)) {
      // Which reading counts changes how matches read, not the matches: nothing is matched again.
      const flipped = new Set([...accepted, ...this.accepted].filter((term) => accepted.has(term) !== this.accepted.has(term)));
      this.accepted = accepted;
      this.glossaryCache = this.build();
      affected.push(...this.usersOf(new Set([...flipped].flatMap((term) => [term, this.glossaryCache!.entries.get(term)?.extends ?? term])), ''));
    }
    // A term that became used or unused changes the diagnostics of the files that define it.
    const used = new Set(this.useCounts.keys());
    for (const term of new Set([...usedBefore, ...used])) {
      if (usedBefore.has(term) === used.has(term)) continue;
      for (const { uri } of this.glossaryCache.entries.get(term)?.definitions ?? []) affected.push(uri);
    }
    this.lastUsed = used;
    // The whole Code in the workspace, or no longer: every defining file's unused terms change.
    const wholeCode = this.holdsWholeCode();
    if (this.wholeCode !== undefined && wholeCode !== this.wholeCode) {
      for (const [uri, summary] of this.sources.files) if (summary.parsed.definitions.length > 0) affected.push(uri);
    }
    this.wholeCode = wholeCode;
    return [...new Set(affected)];
  }

  /** A file's uses of defined terms, outside its references, each for the reading that counts. */
  usesOf(uri: string, references: readonly Reference[] = []): TermUse[] {
    const glossary = this.glossary();
    const terms = this.byUri.get(uri);
    if (!terms) return [];
    const uses: TermUse[] = [];
    for (const raw of terms.matches.uses) {
      const use = this.reading(raw, glossary);
      if (use) uses.push(use);
    }
    return outsideReferences(uses, references);
  }

  /** Every use of a term in the workspace. */
  usesOfTerm(term: string, referencesOf: (uri: string) => readonly Reference[]): Array<{ uri: string; use: TermUse }> {
    const found: Array<{ uri: string; use: TermUse }> = [];
    this.settle();
    for (const [uri, terms] of this.byUri) {
      if (!terms.used.has(term)) continue;
      for (const use of this.usesOf(uri, referencesOf(uri))) if (use.term === term) found.push({ uri, use });
    }
    return found;
  }

  /** The definitions that count for a term. */
  definitionsOf(term: string): readonly TermDefinition[] {
    return this.glossary().defined(term)?.definitions ?? [];
  }

  /** A file's term diagnostics. */
  diagnosticsOf(uri: string, parsed: ParsedDocument, references: readonly Reference[], where: (uri: string, offset: number) => string): CoreDiagnostic[] {
    const glossary = this.glossary();
    const terms = this.byUri.get(uri);
    if (!terms) return [];
    if (parsed.definitions.length === 0 && terms.matches.caseMismatches.length === 0 && terms.matches.nearMisses.length === 0) return [];
    const caseMismatches = outsideReferences(terms.matches.caseMismatches, references);
    const nearMisses = outsideReferences(terms.matches.nearMisses, references);
    return termDiagnostics({ uri, definitions: parsed.definitions, caseMismatches, nearMisses }, {
      glossary, where, wholeCode: this.holdsWholeCode(), isUsed: (term) => (this.useCounts.get(term) ?? 0) > 0,
    });
  }

  /** Every Section the Code has is in the workspace: then a term defined for the whole Code and used nowhere is unused. */
  holdsWholeCode(): boolean {
    const letters = this.sources.sectionLetters();
    return letters.length > 0 && letters.every((letter) => this.sources.defines(sectionId(letter)));
  }

  private reading(use: TermUse, glossary: Glossary): TermUse | undefined {
    const entry = glossary.entries.get(use.term);
    if (entry?.defined) return use.baseEnd === undefined ? use : { start: use.start, end: use.end, term: use.term };
    if (entry?.extends === undefined || use.baseEnd === undefined) return undefined;
    return glossary.defined(entry.extends) ? { start: use.start, end: use.baseEnd, term: entry.extends } : undefined;
  }

  private build(): Glossary {
    this.generation++;
    const files: FileDefinitions[] = [];
    for (const [uri, summary] of this.sources.files) {
      if (summary.parsed.definitions.length > 0) files.push({ uri, definitions: summary.parsed.definitions, draft: this.sources.isDraft(uri) });
    }
    return new Glossary(files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)), this.accepted);
  }

  private match(uri: string): void {
    const summary = this.sources.files.get(uri);
    if (!summary) return;
    this.forget(uri);
    const { parsed } = summary;
    this.store(uri, matchTerms(parsed.reading ?? parsed.text, this.glossaryCache!, { uri, skip: parsed.contents, keys: this.sources.incremental }));
  }

  private store(uri: string, matches: TermMatches): void {
    const used = new Set<string>();
    for (const use of matches.uses) {
      used.add(use.term);
      const extended = this.glossaryCache!.entries.get(use.term)?.extends;
      if (extended !== undefined) used.add(extended);
    }
    for (const term of used) this.useCounts.set(term, (this.useCounts.get(term) ?? 0) + 1);
    this.byUri.set(uri, { matches, used });
    this.generation++;
  }

  private forget(uri: string): void {
    const previous = this.byUri.get(uri);
    if (!previous) return;
    this.generation++;
    this.byUri.delete(uri);
    for (const term of previous.used) {
      const count = (this.useCounts.get(term) ?? 1) - 1;
      if (count > 0) this.useCounts.set(term, count);
      else this.useCounts.delete(term);
    }
  }

  /** The files that have a word of one of the terms (every file, where words are not kept). */
  private usersOf(terms: ReadonlySet<string>, except: string): string[] {
    const keys = [...terms].flatMap(termKeys);
    const users: string[] = [];
    for (const [uri, { matches }] of this.byUri) {
      if (uri !== except && (!matches.keys || keys.some((key) => matches.keys!.has(key)))) users.push(uri);
    }
    return users;
  }

  /** Drops the matches of every file that has a word of one of the terms: returns them. */
  private dropUsersOf(terms: ReadonlySet<string>, except: string): string[] {
    const users = this.usersOf(terms, except);
    for (const uri of users) this.forget(uri);
    return users;
  }

  /** The wrapped terms' longer readings used somewhere. */
  private acceptedReadings(): Set<string> {
    const accepted = new Set<string>();
    for (const entry of this.glossaryCache!.entries.values()) {
      if (entry.extends !== undefined && (this.useCounts.get(entry.term) ?? 0) > 0) accepted.add(entry.term);
    }
    return accepted;
  }
}

/** The spans of the references as written (a range's members between its ends are not), by start. */
function writtenSpans(references: readonly Reference[]): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const reference of references) {
    if (reference.viaRange) continue;
    // A title in brackets or quotes after the reference ("Appendix AD 'DCC User Interface Specification'") is part of the citation.
    const titled = reference.title && reference.title.kind !== 'dash';
    const end = titled ? Math.max(reference.end, reference.title!.start + reference.title!.raw.length) : reference.end;
    spans.push({ start: reference.start, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The items (by start) that overlap no reference: a term is never used inside a citation or its title. */
function outsideReferences<T extends { start: number; end: number }>(items: readonly T[], references: readonly Reference[]): T[] {
  if (references.length === 0 || items.length === 0) return items.slice();
  const spans = writtenSpans(references);
  const kept: T[] = [];
  let r = 0;
  let reach = -1;
  for (const item of items) {
    // `reach`: the furthest end of the spans that start before this item ends.
    while (r < spans.length && spans[r].start < item.end) reach = Math.max(reach, spans[r++].end);
    if (reach <= item.start) kept.push(item);
  }
  return kept;
}

function signature(definition: DefinedTerm): string {
  return `${definition.term}\u0000${definition.form}\u0000${definition.scope?.id ?? ''}\u0000${definition.pointerFrom === undefined}\u0000${definition.continuation?.text ?? ''}`;
}

/** The terms whose definitions differ in anything another file can see (not where they are). */
function changedTerms(previous: readonly DefinedTerm[], next: readonly DefinedTerm[]): Set<string> {
  const count = (definitions: readonly DefinedTerm[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const definition of definitions) counts.set(signature(definition), (counts.get(signature(definition)) ?? 0) + 1);
    return counts;
  };
  const before = count(previous);
  const after = count(next);
  const changed = new Set<string>();
  for (const definitions of [previous, next]) {
    for (const definition of definitions) {
      const key = signature(definition);
      if (before.get(key) !== after.get(key)) {
        changed.add(definition.term);
        if (definition.continuation) for (const word of definition.continuation.text.split(' ')) changed.add(`${definition.term} ${word}`);
      }
    }
  }
  return changed;
}

function sameDefinitions(a: readonly DefinedTerm[], b: readonly DefinedTerm[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x.start !== y.start || x.end !== y.end || x.definitionEnd !== y.definitionEnd || signature(x) !== signature(y) ||
      x.scope?.start !== y.scope?.start || x.scope?.end !== y.scope?.end || x.pointerFrom !== y.pointerFrom) return false;
  }
  return true;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((item) => b.has(item));
}
