// Numbered units: the order their numbers must follow, the warning on a number defined twice,
// and the markers that say a numbered unit is not used.

import type { CoreDiagnostic, Unit } from '../model/types';
import { isDigit } from './scanner';

/** A number as written (`H4.3A`) and the part of it that counts for order (`3A`). */
export interface NumberedLabel {
  label: string;
  number: string;
}

const NOT_USED = /^[[(]?\s*(?:not used|deleted|intentionally(?: left)? blank)\s*[\])]?\.?$/i;

/** The warning on a clause (or Part, Section...) whose number the file has defined before, on line `firstLine`. */
export function duplicateNumber(unit: Unit, first: Unit, firstLine: number): CoreDiagnostic {
  return {
    start: unit.labelStart,
    end: unit.labelEnd,
    severity: 'warning',
    code: 'duplicate-number',
    message: duplicateMessage(unit.id, firstLine),
    data: { id: unit.id, firstStart: first.labelStart },
  };
}

export function duplicateMessage(id: string, firstLine: number): string {
  return `${id} is defined twice in this file (first on line ${firstLine}).`;
}

export function isNotUsed(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 40 && NOT_USED.test(trimmed);
}

/** isNotUsed on a span of the text, without copying the long spans that cannot match. */
export function isNotUsedAt(text: string, from: number, to: number): boolean {
  return to - from <= 48 && isNotUsed(text.slice(from, to));
}

/** Clause numbers compare as number, then suffix: 3 < 3A < 3B < 4. */
export function compareClauseNumbers(a: string, b: string): number {
  const na = parseInt(a, 10);
  const nb = parseInt(b, 10);
  if (na !== nb) return na - nb;
  const sa = a.replace(/^\d+/, '');
  const sb = b.replace(/^\d+/, '');
  return sa === sb ? 0 : sa < sb ? -1 : 1;
}

/** The numbering-order message for a number following `previous` (label as written), or null when it is in order. */
export function orderProblem(label: string, number: string, previous: NumberedLabel | null | undefined): string | null {
  if (!previous) return null;
  if (isDigits(number) && isDigits(previous.number)) {
    // Most numbers have no inserted-number suffix: compared as numbers, without the suffix logic below.
    const next = Number(number);
    const last = Number(previous.number);
    if (next <= last) return `Numbering goes backwards: ${label} follows ${previous.label}.`;
    return next === last + 1 ? null : `Numbering gap: ${label} follows ${previous.label}.`;
  }
  if (compareClauseNumbers(number, previous.number) <= 0) return `Numbering goes backwards: ${label} follows ${previous.label}.`;
  if (!isNextNumber(previous.number, number)) return `Numbering gap: ${label} follows ${previous.label}.`;
  return null;
}

function isDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return text.length > 0;
}

/** The numbers that may follow `previous` without a gap: 3 -> 3A or 4; 3A -> 3B or 4. */
function isNextNumber(previous: string, next: string): boolean {
  const np = parseInt(previous, 10);
  const nn = parseInt(next, 10);
  const sp = previous.replace(/^\d+/, '');
  const sn = next.replace(/^\d+/, '');
  if (nn === np + 1 && sn === '') return true;
  if (nn !== np) return false;
  if (sp === '') return sn === 'A';
  return sn.length === 1 && sp.length === 1 && sn.charCodeAt(0) === sp.charCodeAt(0) + 1;
}
