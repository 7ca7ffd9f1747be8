// The "word" setting of sec.config.json: who the tracked changes and comments of an exported
// Word document are by, and when. `--author` and `--date` on the command line come first.

/** Whose the tracked changes are when neither --author nor sec.config.json says. */
export const DEFAULT_WORD_AUTHOR = 'SEC Language Tools';

export interface WordSettings {
  author?: string;
  /** ISO 8601 in Word's form: 2026-03-31T00:00:00Z. */
  date?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A date or date and time as Word records a revision (UTC, whole seconds), or undefined when it is not one. */
export function revisionDate(text: string): string | undefined {
  const match = DATE.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hours = '00', minutes = '00', seconds = '00', zone = 'Z'] = match;
  const date = new Date(`${year}-${month}-${day}T${hours}:${minutes}:${seconds}${zone}`);
  // Date rolls 31 April over into May; a date that does not exist is refused instead.
  const calendar = new Date(`${year}-${month}-${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || calendar.getUTCDate() !== Number(day)) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function readWordSettings(value: unknown, problem: (message: string) => void): WordSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problem('"word" must be an object such as { "author": "Jane Doe", "date": "2026-03-31" }; ignored.');
    return {};
  }
  const settings: WordSettings = {};
  const { author, date, ...unknown } = value as Record<string, unknown>;
  for (const key of Object.keys(unknown)) problem(`Unknown setting "word.${key}" in sec.config.json (known: author, date).`);
  if (author !== undefined) {
    if (typeof author === 'string' && author.trim() !== '') settings.author = author.trim();
    else problem('"word.author" must be a name (a non-empty string); ignored.');
  }
  if (date !== undefined) {
    const normalised = typeof date === 'string' ? revisionDate(date) : undefined;
    if (normalised !== undefined) settings.date = normalised;
    else problem('"word.date" must be a date such as "2026-03-31" or "2026-03-31T14:00:00Z"; ignored.');
  }
  return settings;
}
