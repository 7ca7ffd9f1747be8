import { changeSegments, scanChanges } from '../text/criticMarkup';

export interface ChangeSummary {
  insertions: number;
  deletions: number;
  comments: number;
}

/** How many changes a drafting file carries (a substitution counts as a deletion and an insertion, as Word shows it). */
export function countChanges(text: string): ChangeSummary {
  const summary: ChangeSummary = { insertions: 0, deletions: 0, comments: 0 };
  for (const segment of changeSegments(text, scanChanges(text).spans)) {
    if (segment.kind === 'insertion') summary.insertions++;
    else if (segment.kind === 'deletion') summary.deletions++;
    else if (segment.kind === 'comment') summary.comments++;
  }
  return summary;
}

export function describeChanges(summary: ChangeSummary): string {
  const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return `${plural(summary.insertions, 'insertion')}, ${plural(summary.deletions, 'deletion')}, ${plural(summary.comments, 'comment')}`;
}
