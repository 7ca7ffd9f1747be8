// sec.config.json: optional workspace configuration, read by the editor and the CLI alike.
// An invalid file never stops anything: each problem is reported and its setting falls back
// to the default.

import type { DiagnosticCode, Severity } from '../model/types';
import { levelOf } from '../model/ids';
import { readExcludes } from './excludes';

export type SeveritySetting = Severity | 'off';

export interface ConfigDeprecation {
  target: string;
  reason: string;
  replacement?: string;
}

export interface SecConfig {
  catalogue: boolean;
  deprecations: ConfigDeprecation[];
  /** Extra document names: abbreviation or title → `Appendix AL`. */
  aliases: Record<string, string>;
  severities: Partial<Record<DiagnosticCode, SeveritySetting>>;
  /** Glob patterns of files and folders to leave out (relative to the workspace root). */
  exclude: string[];
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
  'range-too-wide',
];

const SEVERITIES: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const KNOWN_KEYS = new Set(['$schema', 'catalogue', 'deprecations', 'aliases', 'severities', 'exclude']);
const CANONICAL_ID = /^(?:Section [A-Z](?:\d{1,2}[A-Z]?(?:\.\d{1,3}[A-Z]?(?:\([a-zA-Z0-9]{1,4}\))*)?)?|(?:Schedule \d{1,2}|Appendix [A-Z]{1,2})(?: v\d+(?:\.\d+)*| \d{1,3}(?:\.\d{1,3})*(?:\([a-zA-Z0-9]{1,4}\))*)?|SECMP\d{4})$/;

export function defaultConfig(): SecConfig {
  return { catalogue: true, deprecations: [], aliases: {}, severities: {}, exclude: [] };
}

export function isCanonicalId(id: string): boolean {
  return CANONICAL_ID.test(id) && levelOf(id) !== undefined;
}

/** Where a JSON key's value sits in the text, for pointing at a problem; the whole text if not found. */
function locate(text: string, key: string): { start: number; end: number } {
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
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ message: 'sec.config.json must contain a JSON object; using the defaults.', start: 0, end: Math.min(1, text.length) });
    return { config, problems };
  }
  const object = raw as Record<string, unknown>;
  const problem = (key: string, message: string): void => {
    problems.push({ message, ...locate(text, key) });
  };
  for (const key of Object.keys(object)) {
    if (!KNOWN_KEYS.has(key)) problem(key, `Unknown setting "${key}" in sec.config.json (known: catalogue, deprecations, aliases, severities, exclude).`);
  }
  if ('catalogue' in object) {
    if (typeof object.catalogue === 'boolean') config.catalogue = object.catalogue;
    else problem('catalogue', '"catalogue" must be true or false; using true.');
  }
  if ('deprecations' in object) {
    if (!Array.isArray(object.deprecations)) {
      problem('deprecations', '"deprecations" must be a list of { "target", "reason", "replacement" } objects; ignored.');
    } else {
      object.deprecations.forEach((entry, index) => {
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
  }
  if ('aliases' in object) {
    const aliases = object.aliases;
    if (typeof aliases !== 'object' || aliases === null || Array.isArray(aliases)) {
      problem('aliases', '"aliases" must be an object mapping a name to an SEC id, e.g. { "TMAD": "Appendix AL" }; ignored.');
    } else {
      for (const [name, target] of Object.entries(aliases as Record<string, unknown>)) {
        if (typeof target !== 'string' || !isCanonicalId(target)) problem('aliases', `aliases["${name}"] must be an SEC id such as "Appendix AL"; ignored.`);
        else config.aliases[name] = target;
      }
    }
  }
  if ('severities' in object) {
    const severities = object.severities;
    if (typeof severities !== 'object' || severities === null || Array.isArray(severities)) {
      problem('severities', '"severities" must be an object mapping a diagnostic code to error, warning, information, hint or off; ignored.');
    } else {
      for (const [code, value] of Object.entries(severities as Record<string, unknown>)) {
        if (!DIAGNOSTIC_CODES.includes(code as DiagnosticCode)) {
          problem('severities', `Unknown diagnostic code "${code}" in "severities" (known: ${DIAGNOSTIC_CODES.join(', ')}).`);
        } else if (!SEVERITIES.includes(value as SeveritySetting)) {
          problem('severities', `severities["${code}"] must be one of ${SEVERITIES.join(', ')}; ignored.`);
        } else {
          config.severities[code as DiagnosticCode] = value as SeveritySetting;
        }
      }
    }
  }
  if ('exclude' in object) config.exclude = readExcludes(object.exclude, (message) => problem('exclude', message));
  return { config, problems };
}
