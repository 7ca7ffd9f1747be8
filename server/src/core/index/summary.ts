// Per-file semantic summary: what a file defines and what it cites. Built once per parse;
// the workspace index is made of these.

import { isParagraphId, parentId } from '../model/ids';
import type { ParsedDocument, Unit } from '../model/types';
import type { ParagraphsOnDemand } from '../parse/paragraphsOnDemand';
import { LineIndex } from '../text/lineIndex';

export interface FileSummary {
  uri: string;
  parsed: ParsedDocument;
  /** Every id the file defines, first definition wins (a duplicate is a diagnostic). */
  readonly defines: Iterable<[string, Unit]> & { has(id: string): boolean };
  unitOf(id: string): Unit | undefined;
  /** Every id whose definition could change this file's diagnostics: targets and their ancestors (computed on first use). */
  readonly dependsOn: Set<string>;
  /** Whether dependsOn has been computed (reading it would otherwise compute it now). */
  readonly dependsOnKnown: boolean;
  /** Offset ↔ line/character conversion for this text (computed on first use). */
  readonly lines: LineIndex;
}

function dependencies(parsed: ParsedDocument): Set<string> {
  const dependsOn = new Set<string>();
  for (const reference of parsed.references) {
    if (reference.target === null || dependsOn.has(reference.target)) continue;
    dependsOn.add(reference.target);
    // Up the chain until an ancestor that is in already (its own ancestors are too).
    for (let id = parentId(reference.target); id !== null && !dependsOn.has(id); id = parentId(id)) dependsOn.add(id);
  }
  return dependsOn;
}

export interface SummaryOptions {
  /** The same targets as this file's previous version cites, when known to be unchanged. */
  citing?: Set<string>;
  /** A one-shot parse's paragraphs, read when first looked up. */
  paragraphs?: ParagraphsOnDemand | null;
}

export function summarize(uri: string, parsed: ParsedDocument, options: SummaryOptions = {}): FileSummary {
  const first = parsed.firstDefinitions;
  const units = parsed.units;
  // A versioned heading ("Schedule 8: ... Version 3.2") also makes "Schedule 8" present.
  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if ((unit.kind === 'schedule' || unit.kind === 'appendix') && unit.id.includes(' v')) {
      const base = parentId(unit.id);
      if (base && !first.has(base)) first.set(base, i);
    }
  }
  const defines = {
    has: (id: string) => first.has(id),
    *[Symbol.iterator](): Iterator<[string, Unit]> {
      for (const [id, index] of first) yield [id, units[index]];
    },
  };
  let dependsOn: Set<string> | undefined = options.citing;
  const paragraphs = options.paragraphs;
  let lines: LineIndex | undefined;
  return {
    uri,
    parsed,
    defines,
    unitOf: (id) => {
      // A Section clause's paragraphs may not have been read yet (a one-shot check reads them when cited).
      const index = paragraphs && id.startsWith('Section ') && isParagraphId(id) ? paragraphs.find(id) : first.get(id);
      return index === undefined ? undefined : units[index];
    },
    get dependsOn() {
      dependsOn ??= dependencies(parsed);
      return dependsOn;
    },
    get dependsOnKnown() {
      return dependsOn !== undefined;
    },
    get lines() {
      lines ??= new LineIndex(parsed.text);
      return lines;
    },
  };
}

/** What citing files can observe of a definition: changes to anything else need no re-resolve. */
export function sameSignature(a: Unit, b: Unit): boolean {
  return a.kind === b.kind && a.title === b.title && a.notUsed === b.notUsed && (a.childCount > 0) === (b.childCount > 0) &&
    Boolean(a.withinNotUsed) === Boolean(b.withinNotUsed);
}
