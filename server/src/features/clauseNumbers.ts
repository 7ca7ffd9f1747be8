// The conventional number of a new clause, shared by completion and Insert Clause After.

/**
 * The number for a clause inserted after `previous` (a label such as "H4.3", or none at the
 * start of the Part): an inserted number (H4.3A, H4.3B) when another clause follows, the next
 * integer at the end of the Part. '' when the new clause would come before the first one.
 */
export function clauseNumberAfter(part: string, previous: string | undefined, followed: boolean): string {
  if (!previous) return followed ? '' : `${part}.1`;
  const written = previous.slice(previous.indexOf('.') + 1);
  const integer = parseInt(written, 10);
  if (!followed) return `${part}.${integer + 1}`;
  const suffix = written.slice(String(integer).length);
  const nextSuffix = suffix === '' ? 'A' : String.fromCharCode(suffix.charCodeAt(suffix.length - 1) + 1);
  return `${part}.${integer}${nextSuffix}`;
}
