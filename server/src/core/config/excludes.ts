// The "exclude" setting of sec.config.json: a list of globs (core/text/globs.ts), each
// checked on its own so that one bad entry is reported by name and the others still apply.
import { globProblem } from '../text/globs';

/**
 * The usable globs of a configuration's "exclude" list; each entry that is not one is reported
 * (naming it) and left out.
 */
export function readExcludes(value: unknown, report: (message: string) => void): string[] {
  if (!Array.isArray(value)) {
    report('"exclude" must be a list of glob patterns (strings); ignored.');
    return [];
  }
  const globs: string[] = [];
  value.forEach((entry, index) => {
    const shown = typeof entry === 'string' ? JSON.stringify(entry.length > 60 ? `${entry.slice(0, 60)}…` : entry) : String(JSON.stringify(entry));
    const problem = typeof entry === 'string' ? globProblem(entry) : 'is not a string';
    if (problem === null) globs.push(entry as string);
    else report(`exclude[${index}] ${shown} ${problem}; ignored.`);
  });
  return globs;
}
