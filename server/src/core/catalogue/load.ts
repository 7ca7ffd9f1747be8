// A catalogue the user loads (sec.config.json "catalogue": "path"): the embedded one is a
// snapshot of one version of the Code, and the live Code designates Parts and Appendices
// after it. Users copy the current Contents page (in the seed's layout: Version Control
// table, then CONTENTS) into a text file, or build it once as JSON (`secls catalogue build`).
// Pure: files' texts in, data and problems out; reading them is the caller's.

import { parse as parseJson, ParseError, printParseErrorCode } from 'jsonc-parser';
import { ConfigProblem, locate } from '../config/config';
import { Catalogue } from './catalogue';
import { generateCatalogue } from './generate';
import type { CatalogueData, CatalogueEntry } from './types';

export interface CatalogueFile {
  /** As the user named it, for messages. */
  name: string;
  text: string;
}

export interface CatalogueProblem {
  file: string;
  /** 1-based. */
  line: number;
  message: string;
}

const KINDS = new Set(['section', 'part', 'document', 'version']);

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** JSON written by `secls catalogue build`; anything else is a problem on the line it starts. */
function fromJson(file: CatalogueFile): { data: CatalogueData | null; problem?: CatalogueProblem } {
  // jsonc-parser says where a syntax error is; JSON.parse's messages do not always.
  const errors: ParseError[] = [];
  const raw: unknown = parseJson(file.text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const message = `not valid JSON (${printParseErrorCode(errors[0].error)})`;
    return { data: null, problem: { file: file.name, line: lineOfOffset(file.text, errors[0].offset), message } };
  }
  const data = (raw ?? {}) as Partial<CatalogueData>;
  const entriesOk = Array.isArray(data.entries) && data.entries.every((entry: Partial<CatalogueEntry>) =>
    typeof entry?.id === 'string' && typeof entry.title === 'string' && KINDS.has(entry.kind as string) && Array.isArray(entry.history));
  if (!entriesOk || !Array.isArray(data.history) || !Array.isArray(data.names)) {
    return { data: null, problem: { file: file.name, line: 1, message: 'not a catalogue written by `secls catalogue build` (needs "entries", "names" and "history" lists)' } };
  }
  return {
    data: {
      source: typeof data.source === 'string' ? data.source : file.name,
      version: typeof data.version === 'string' ? data.version : '',
      date: typeof data.date === 'string' ? data.date : '',
      modifications: Array.isArray(data.modifications) ? data.modifications.filter((id) => typeof id === 'string') : [],
      entries: data.entries as CatalogueEntry[],
      names: data.names,
      history: data.history,
      deprecations: Array.isArray(data.deprecations) ? data.deprecations : [],
    },
  };
}

/** A Contents page (with its Version Control table, if copied too) in the seed's layout. */
function fromText(file: CatalogueFile): { data: CatalogueData | null; problem?: CatalogueProblem } {
  const data = generateCatalogue(file.text, file.name);
  if (data.entries.length > 0) return { data };
  return {
    data: null,
    problem: {
      file: file.name, line: 1,
      message: 'no Contents line found: expected lines such as "Section H: DCC Services", "H4 Processing Service Requests" or "Appendix AK: …"',
    },
  };
}

/** Reads one catalogue file: JSON when it looks like JSON, a Contents page otherwise. */
export function readCatalogueFile(file: CatalogueFile): { data: CatalogueData | null; problem?: CatalogueProblem } {
  return file.text.trimStart().startsWith('{') ? fromJson(file) : fromText(file);
}

function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const difference = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** Several files (a folder): entries, names and history together; the latest version is the catalogue's. */
export function mergeCatalogues(parts: readonly CatalogueData[], source: string): CatalogueData {
  const entries = new Map<string, CatalogueEntry>();
  const history: CatalogueData['history'] = [];
  const names = new Map<string, CatalogueData['names'][number]>();
  let latest = parts[0];
  for (const part of parts) {
    const offset = history.length;
    history.push(...part.history);
    for (const entry of part.entries) {
      const shifted = entry.history.map((row) => row + offset);
      const known = entries.get(entry.id);
      if (known) known.history.push(...shifted.filter((row) => !known.history.includes(row)));
      else entries.set(entry.id, { ...entry, history: shifted });
    }
    for (const name of part.names) if (!names.has(name.name)) names.set(name.name, name);
    if (part.version && (!latest.version || compareVersions(part.version, latest.version) > 0)) latest = part;
  }
  return {
    source,
    version: latest?.version ?? '',
    date: latest?.date ?? '',
    modifications: [...new Set(parts.flatMap((part) => part.modifications))].sort(),
    entries: [...entries.values()],
    names: [...names.values()],
    history,
    deprecations: parts.flatMap((part) => part.deprecations),
  };
}

/** The catalogue of a file or a folder's files; null (with the problems) when none of them could be read as one. */
export function loadCatalogue(files: readonly CatalogueFile[], source: string): { data: CatalogueData | null; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const read: CatalogueData[] = [];
  for (const file of files) {
    const { data, problem } = readCatalogueFile(file);
    if (data) read.push(data);
    if (problem) problems.push(problem);
  }
  if (files.length === 0) problems.push({ file: source, line: 1, message: 'no catalogue file (*.txt or *.json) found' });
  return { data: read.length === 0 ? null : read.length === 1 ? read[0] : mergeCatalogues(read, source), problems };
}

/**
 * A loaded catalogue over the embedded one: a later Code keeps the earlier one's Parts and
 * documents (a retired one stays, marked "[Not used]"), so a Contents page that lists only
 * what changed must not make everything else unknown. The loaded one's titles and version win.
 */
function overEmbedded(loaded: CatalogueData, embedded: CatalogueData): CatalogueData {
  const merged = mergeCatalogues([loaded, embedded], loaded.source);
  // Without its Version Control table the loaded page has no version: say where it came from instead of the embedded one's.
  return loaded.version ? merged : { ...merged, version: '', date: '' };
}

/**
 * The catalogue a configuration asks for: the embedded one, or the one it names once read
 * (`read`: the files, or why they could not be read). A catalogue that cannot be read is an
 * `invalid-config` problem on the "catalogue" setting, naming the file and line, and the
 * embedded catalogue is kept.
 */
export function configuredCatalogue(
  configText: string, configured: string, read: { files: CatalogueFile[]; error?: string }, embedded: Catalogue,
): { catalogue: Catalogue; problems: ConfigProblem[] } {
  const { data, problems } = read.error
    ? { data: null, problems: [{ file: configured, line: 1, message: read.error }] }
    : loadCatalogue(read.files, configured);
  const where = locate(configText, 'catalogue');
  const kept = data ? '' : `; using ${embedded.describe()}`;
  return {
    catalogue: data ? new Catalogue(overEmbedded(data, embedded.contents)) : embedded,
    problems: problems.map((problem) => ({ ...where, message: `Catalogue "${problem.file}", line ${problem.line}: ${problem.message}${kept}.` })),
  };
}
