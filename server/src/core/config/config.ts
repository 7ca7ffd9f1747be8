// sec.config.json: optional workspace configuration, read by the editor and the CLI alike.
// An invalid file never stops anything: each problem is reported and its setting falls back
// to the default.

import type { DiagnosticCode, Severity } from '../model/types';
import { levelOf } from '../model/ids';
import { readWordSettings, WordSettings } from './wordSettings';
import { readExcludes } from './excludes';

export type SeveritySetting = Severity | 'off';

export interface ConfigDeprecation {
  target: string;
  reason: string;
  replacement?: string;
}

export interface SecConfig {
  catalogue: boolean;
  /** A newer catalogue to use instead of the embedded one: a Contents file, a JSON catalogue or a folder of them (relative to the root). */
  cataloguePath: string | null;
  deprecations: ConfigDeprecation[];
  /** Extra document names: abbreviation or title → `Appendix AL`. */
  aliases: Record<string, string>;
  severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Glob patterns of files and folders to leave out (relative to the workspace root). */
  exclude: string[];
  /** Author and date of the tracked changes in an exported Word document. */
  word?: WordSettings;
}

export interface ConfigProblem {
  message: string;
  /** Offset range in the config text. */
  start: number;
  end: number;
}

export const CONFIG_FILE_NAME = 'sec.config.json';

export const DIAGNOSTIC_CODES: readonly DiagnosticCode[] = [
  'broken-reference', 'deprecated-reference', 'title-mismatch', 'ambiguous-reference', 'unverified-reference',
  'duplicate-number', 'numbering-order', 'invalid-config', 'malformed-change', 'reference-to-deleted', 'instruction-text-not-found', 'file-too-large',
  'not-in-catalogue',
  'range-too-wide',
  'amendment-base-mismatch',
  'amendment-conflict',
  'duplicate-definition',
  'term-case-mismatch',
  'near-miss-term',
  'unused-definition',
];

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const KNOWN_KEYS = new Set(['$schema', 'catalogue', 'deprecations', 'aliases', 'severities', 'exclude', 'word']);
const CANONICAL_ID = /^(?:Section [A-Z](?:\d{1,2}[A-Z]?(?:\.\d{1,3}[A-Z]?(?:\([a-zA-Z0-9]{1,4}\))*)?)?|(?:Schedule \d{1,2}|Appendix [A-Z]{1,2})(?: v\d+(?:\.\d+)*| \d{1,3}(?:\.\d{1,3})*(?:\([a-zA-Z0-9]{1,4}\))*)?|SECMP\d{4})$/;

export function defaultConfig(): SecConfig {
  return { catalogue: true, cataloguePath: null, deprecations: [], aliases: {}, severities: {}, exclude: [] };
}

export function isCanonicalId(id: string): boolean {
  return CANONICAL_ID.test(id) && levelOf(id) !== undefined;
}

/** Where a JSON key's value sits in the text, for pointing at a problem; the whole text if not found. */
export function locate(text: string, key: string): { start: number; end: number } {
  const at = text.indexOf(`"${key}"`);
  return at === -1 ? { start: 0, end: Math.min(text.length, 1) } : { start: at, end: at + key.length + 2 };
}

function jsonErrorOffset(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), text.length);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) {
    const lines = text.split('\n');
    let offset = 0;
    for (let i = 0; i < Number(lineColumn[1]) - 1 && i < lines.length; i++) offset += lines[i].length + 1;
    return Math.min(offset + Number(lineColumn[2]) - 1, text.length);
  }
  return 0;
}

type Problem = (key: string, message: string) => void;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseConfig(text: string): { config: SecConfig; problems: ConfigProblem[] } {
  const config = defaultConfig();
  const problems: ConfigProblem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(error, text);
    const detail = error instanceof Error ? error.message : String(error);
    problems.push({ message: `sec.config.json is not valid JSON (${detail}); using the defaults.`, start: offset, end: Math.min(offset + 1, text.length) });
    return { config, problems };
  }
  if (!isObject(raw)) {
    problems.push({ message: 'sec.config.json must contain a JSON object; using the defaults.', start: 0, end: Math.min(1, text.length) });
    return { config, problems };
  }
  const problem: Problem = (key, message) => problems.push({ message, ...locate(text, key) });
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) problem(key, `Unknown setting "${key}" in sec.config.json (known: catalogue, deprecations, aliases, severities, exclude, word).`);
  }
  if ('catalogue' in raw) {
    if (typeof raw.catalogue === 'boolean') config.catalogue = raw.catalogue;
    else if (typeof raw.catalogue === 'string' && raw.catalogue.trim() !== '') config.cataloguePath = raw.catalogue;
    else problem('catalogue', '"catalogue" must be true, false or the path of a Contents file, JSON catalogue or folder of them; using the embedded catalogue.');
  }
  if ('deprecations' in raw) readDeprecations(raw.deprecations, config, problem);
  if ('aliases' in raw) readAliases(raw.aliases, config, problem);
  if ('severities' in raw) readSeverities(raw.severities, config, problem);
  if ('exclude' in raw) config.exclude = readExcludes(raw.exclude, (message) => problem('exclude', message));
  if ('word' in raw) config.word = readWordSettings(raw.word, (message) => problem('word', message));
  return { config, problems };
}

function readDeprecations(deprecations: unknown, config: SecConfig, problem: Problem): void {
  if (!Array.isArray(deprecations)) {
    problem('deprecations', '"deprecations" must be a list of { "target", "reason", "replacement" } objects; ignored.');
    return;
  }
  deprecations.forEach((entry, index) => {
    const item = entry as Record<string, unknown> | null;
    if (typeof item !== 'object' || item === null || typeof item.target !== 'string' || typeof item.reason !== 'string') {
      problem('deprecations', `deprecations[${index}] needs a "target" and a "reason" (strings); ignored.`);
      return;
    }
    if (!isCanonicalId(item.target)) {
      problem('deprecations', `deprecations[${index}].target "${item.target}" is not an SEC id such as "Section X3" or "Appendix AK"; ignored.`);
      return;
    }
    if (item.replacement !== undefined && (typeof item.replacement !== 'string' || !isCanonicalId(item.replacement))) {
      problem('deprecations', `deprecations[${index}].replacement must be an SEC id such as "Section X5"; replacement ignored.`);
      config.deprecations.push({ target: item.target, reason: item.reason });
      return;
    }
    config.deprecations.push({ target: item.target, reason: item.reason, replacement: item.replacement as string | undefined });
  });
}

function readAliases(aliases: unknown, config: SecConfig, problem: Problem): void {
  if (!isObject(aliases)) {
    problem('aliases', '"aliases" must be an object mapping a name to an SEC id, e.g. { "TMAD": "Appendix AL" }; ignored.');
    return;
  }
  for (const [name, target] of Object.entries(aliases)) {
    if (typeof target !== 'string' || !isCanonicalId(target)) problem('aliases', `aliases["${name}"] must be an SEC id such as "Appendix AL"; ignored.`);
    else config.aliases[name] = target;
  }
}

function readSeverities(severities: unknown, config: SecConfig, problem: Problem): void {
  if (!isObject(severities)) {
    problem('severities', '"severities" must be an object mapping a diagnostic code to error, warning, information, hint or off; ignored.');
    return;
  }
  for (const [code, value] of Object.entries(severities)) {
    if (!DIAGNOSTIC_CODES.includes(code as DiagnosticCode)) {
      problem('severities', `Unknown diagnostic code "${code}" in "severities" (known: ${DIAGNOSTIC_CODES.join(', ')}).`);
    } else if (!SEVERITIES.includes(value as SeveritySetting)) {
      problem('severities', `severities["${code}"] must be one of ${SEVERITIES.join(', ')}; ignored.`);
    } else {
      config.severities[code as DiagnosticCode] = value as SeveritySetting;
    }
  }
}
