// Paragraph labels run (a), (b) ... (z), (aa); (i), (ii) ...; (A), (B) ... A label such as
// (i) or (v) can be a letter or a roman numeral: the sequence decides, as a reader would.

import { Ch } from './chars';
import { isLower, isUpper } from './scanner';

export type LabelKind = 'alpha' | 'roman' | 'upper';

const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

export function romanValue(label: string): number {
  let total = 0;
  for (let i = 0; i < label.length; i++) {
    const value = ROMAN_VALUES[label[i]];
    if (value === undefined) return 0;
    const next = ROMAN_VALUES[label[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return toRoman(total) === label ? total : 0;
}

export function toRoman(value: number): string {
  const table: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let rest = value;
  let result = '';
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      result += symbol;
      rest -= amount;
    }
  }
  return result;
}

function isRepeatedLetter(label: string, lower: boolean): boolean {
  const code = label.charCodeAt(0);
  const inRange = lower ? isLower(code) : isUpper(code);
  if (!inRange) return false;
  for (let i = 1; i < label.length; i++) if (label.charCodeAt(i) !== code) return false;
  return true;
}

const kindsCache = new Map<string, LabelKind[]>();

export function possibleKinds(label: string): LabelKind[] {
  let kinds = kindsCache.get(label);
  if (!kinds) {
    kinds = computeKinds(label);
    if (kindsCache.size < 4096) kindsCache.set(label, kinds);
  }
  return kinds;
}

function computeKinds(label: string): LabelKind[] {
  const kinds: LabelKind[] = [];
  if (isRepeatedLetter(label, true)) kinds.push('alpha');
  if (romanValue(label) > 0) kinds.push('roman');
  if (isRepeatedLetter(label, false)) kinds.push('upper');
  return kinds;
}

function nextLetter(label: string): string {
  const code = label.charCodeAt(0);
  // After (z) comes (aa), after (Z) (AA).
  if (code === Ch.LowerZ || code === Ch.Z) return String.fromCharCode(code - (Ch.Z - Ch.A)).repeat(label.length + 1);
  return String.fromCharCode(code + 1).repeat(label.length);
}

const successorCache = new Map<string, string>();

export function successor(kind: LabelKind, label: string): string {
  const key = kind[0] + label;
  let next = successorCache.get(key);
  if (next === undefined) {
    next = kind === 'roman' ? toRoman(romanValue(label) + 1) : nextLetter(label);
    if (successorCache.size < 4096) successorCache.set(key, next);
  }
  return next;
}

export function firstLabel(kind: LabelKind): string {
  return kind === 'alpha' ? 'a' : kind === 'roman' ? 'i' : 'A';
}

/** An open list of paragraphs: its kind, its last label, its unit and how far it is indented. */
export interface ParagraphLevel {
  kind: LabelKind;
  last: string;
  /** Index in `units`, or -1 when paragraphs are read on demand. */
  unit: number;
  indent: number;
}

export interface Placement {
  level: number;
  kind: LabelKind;
  outOfSequence: boolean;
  expected?: string;
}

/** Where a paragraph label goes among the open lists: continuing one, opening one, or out of sequence. */
export function placeParagraph(levels: ParagraphLevel[], label: string, indent: number): Placement {
  const kinds = possibleKinds(label);
  // Continuation of an open list, innermost first: (h) then (i) continues the letters.
  for (let level = levels.length - 1; level >= 0; level--) {
    const open = levels[level];
    if (kinds.includes(open.kind) && successor(open.kind, open.last) === label) {
      return { level, kind: open.kind, outOfSequence: false };
    }
  }
  // The first label of a kind opens a list: nested under the innermost open one, or a
  // restart of a list of that kind when it is not indented further.
  const starting = kinds.find((kind) => firstLabel(kind) === label);
  if (starting) {
    const sameKind = levels.findIndex((open) => open.kind === starting);
    if (sameKind !== -1 && indent <= levels[sameKind].indent) return { level: sameKind, kind: starting, outOfSequence: false };
    return { level: levels.length, kind: starting, outOfSequence: false };
  }
  for (let level = levels.length - 1; level >= 0; level--) {
    if (kinds.includes(levels[level].kind)) {
      return { level, kind: levels[level].kind, outOfSequence: true, expected: successor(levels[level].kind, levels[level].last) };
    }
  }
  return { level: levels.length, kind: kinds[0] ?? 'alpha', outOfSequence: true };
}
