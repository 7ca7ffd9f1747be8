// Canonical target ids and their hierarchy. Ids are plain strings so that maps, JSON output
// and tests can use them directly:
//   Section H | Section H4 | Section H4.3A | Section H4.3(a)(ii)
//   Schedule 8 | Schedule 8 v3.2 | Appendix AK | Appendix AK 4.2 | Appendix AK 4.2(a)
//   SECMP0045 | MP106 | MP122A (modification proposals: SECAS's older and current numbering)

export type TargetLevel =
  | 'section'
  | 'part'
  | 'clause'
  | 'paragraph'
  | 'document'
  | 'version'
  | 'docClause'
  | 'modification';

export function sectionId(letter: string): string {
  return `Section ${letter}`;
}

export function partId(letter: string, part: string): string {
  return `Section ${letter}${part}`;
}

export function clauseId(letter: string, part: string, clause: string): string {
  return `Section ${letter}${part}.${clause}`;
}

export function documentId(type: 'Schedule' | 'Appendix', number: string): string {
  return `${type} ${number}`;
}

export function versionId(documentIdText: string, version: string): string {
  return `${documentIdText} v${version}`;
}

export function withParagraphs(id: string, paragraphs: readonly string[]): string {
  let result = id;
  for (const label of paragraphs) result += `(${label})`;
  return result;
}

/** The next unit up: paragraphs, then clause, part, Section; versions and clauses to their document. */
export function parentId(id: string): string | null {
  if (id.endsWith(')')) {
    const open = id.lastIndexOf('(');
    return open > 0 ? id.slice(0, open) : null;
  }
  if (id.startsWith('Section ')) {
    const body = id.slice(8);
    const dot = body.indexOf('.');
    if (dot !== -1) return `Section ${body.slice(0, dot)}`;
    if (body.length > 1) return `Section ${body[0]}`;
    return null;
  }
  if (id.startsWith('Schedule ') || id.startsWith('Appendix ')) {
    const parts = id.split(' ');
    if (parts.length < 3) return null;
    const last = parts[2];
    if (last.startsWith('v')) return `${parts[0]} ${parts[1]}`;
    const dot = last.lastIndexOf('.');
    if (dot !== -1) return `${parts[0]} ${parts[1]} ${last.slice(0, dot)}`;
    return `${parts[0]} ${parts[1]}`;
  }
  return null;
}

/** `Section H4.3(a)`, `Appendix AK 4.2(b)(i)`. */
export function isParagraphId(id: string): boolean {
  return id.charCodeAt(id.length - 1) === 41;
}

/** The clause a paragraph id belongs to: `Section H4.3` for `Section H4.3(a)(ii)`. */
export function clauseOfParagraph(paragraphId: string): string {
  return paragraphId.slice(0, paragraphId.indexOf('('));
}

export function levelOf(id: string): TargetLevel {
  if (id.endsWith(')')) return 'paragraph';
  if (isModificationId(id)) return 'modification';
  if (id.startsWith('Section ')) {
    const body = id.slice(8);
    if (body.includes('.')) return 'clause';
    return body.length > 1 ? 'part' : 'section';
  }
  const parts = id.split(' ');
  if (parts.length < 3) return 'document';
  return parts[2].startsWith('v') ? 'version' : 'docClause';
}

/** `SECMP0045`, `MP106`, `MP122A`. */
export function isModificationId(id: string): boolean {
  return id.startsWith('SECMP') || (id.charCodeAt(0) === 77 && id.charCodeAt(1) === 80 && id.charCodeAt(2) >= 48 && id.charCodeAt(2) <= 57);
}

/** The Section, Schedule or Appendix an id belongs to, without version: `Appendix AD` for `Appendix AD v3.0`. */
export function rootDocumentId(id: string): string {
  let current = id;
  for (let parent = parentId(current); parent !== null; parent = parentId(current)) current = parent;
  return current;
}

/** Every ancestor, nearest first. */
export function ancestorIds(id: string): string[] {
  const result: string[] = [];
  for (let parent = parentId(id); parent !== null; parent = parentId(parent)) result.push(parent);
  return result;
}

/** Short form used in prose: `H4.3` for `Section H4.3`, the id itself otherwise. */
export function shortLabel(id: string): string {
  return id.startsWith('Section ') ? id.slice(8) : id;
}

/**
 * A test of "is this target within one of these ids?", for thousands of targets: a target
 * within an id starts with it, so most targets fail on the ids' common prefix ("Section H4."
 * for clauses renumbered in one Part) without looking at each id.
 */
export function withinAny(ids: readonly string[]): (target: string | null) => boolean {
  if (ids.length === 0) return () => false;
  let prefix = ids[0];
  for (const id of ids) {
    let k = 0;
    while (k < prefix.length && k < id.length && prefix.charCodeAt(k) === id.charCodeAt(k)) k++;
    prefix = prefix.slice(0, k);
  }
  return (target) => {
    if (target === null || !target.startsWith(prefix)) return false;
    for (let i = 0; i < ids.length; i++) if (isWithin(target, ids[i])) return true;
    return false;
  };
}

/** True when `target` is `id` or lies within it (a clause of a Part, a paragraph of a clause, a version of a document). */
export function isWithin(target: string, id: string): boolean {
  if (target === id) return true;
  if (target.length <= id.length || !target.startsWith(id)) return false;
  for (let parent = parentId(target); parent !== null && parent.length >= id.length; parent = parentId(parent)) {
    if (parent === id) return true;
  }
  return false;
}
