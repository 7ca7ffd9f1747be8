// Exclusion globs (sec.config.json "exclude", the editor's sec.exclude), compiled once into a
// set that answers "is this path excluded?" in time linear in the path, whatever the globs:
// no glob becomes a backtracking regular expression, which a cloned repository's config
// could make take minutes ("*a*a*a*a*a*a*a*a*a*a*a*a*b" against a 31-character name). The
// common shapes (a path, "folder/**", "**/name") are looked up in maps, so that thousands of
// globs cost about as much as one.
//
// Syntax: `*` (any characters but `/`), `**` as a whole segment (any number of folders),
// `?`, `[abc]`, `[a-z]`, `[!a-z]`, `{a,b}`, `\` to escape; a glob is relative to the
// workspace root (a leading `/` or `./` is allowed); `folder/**` is everything inside the
// folder. A glob that starts with `!` re-includes what an earlier glob excluded (the last
// glob that matches a path decides), except inside a folder that is itself excluded, which
// is not searched (as in .gitignore).

import { compileSegment, SegmentMatcher } from './globSegment';

/** Longer globs are refused: no real exclusion needs more, and each glob costs its length per path. */
export const MAX_GLOB_LENGTH = 1024;
/** Brace alternatives one glob may expand to ({a,b}{c,d} is four). */
const MAX_ALTERNATIVES = 256;

/** One alternative of a glob: its segments, `**` as null. */
type Segments = Array<SegmentMatcher | null>;

interface Compiled {
  order: number;
  segments: Segments;
}

/** Raised while compiling: the glob is malformed, and why. */
class GlobError extends Error {}

/** Splits on unescaped `/`, keeping escapes for the segment compiler. */
function splitSegments(glob: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '\\') {
      if (i + 1 === glob.length) throw new GlobError('ends with a lone "\\"');
      current += char + glob[++i];
    } else if (char === '/') {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments;
}

/** The closing brace of the group opening at `open`, and where its top-level commas are. */
function braceGroup(glob: string, open: number): { close: number; commas: number[] } {
  const commas: number[] = [];
  let depth = 0;
  for (let i = open; i < glob.length; i++) {
    const char = glob[i];
    if (char === '\\') i++;
    else if (char === '{') depth++;
    else if (char === ',' && depth === 1) commas.push(i);
    else if (char === '}' && --depth === 0) return { close: i, commas };
  }
  throw new GlobError('has an unclosed "{"');
}

/** `{a,b}` alternatives, expanded (a group without a comma is text). */
function expandBraces(glob: string, budget = { left: MAX_ALTERNATIVES }): string[] {
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if (glob[i] === '}') throw new GlobError('has a "}" without its "{"');
    if (glob[i] !== '{') continue;
    const { close, commas } = braceGroup(glob, i);
    if (commas.length === 0) continue;
    const bounds = [i, ...commas, close];
    const results: string[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const alternative = glob.slice(0, i) + glob.slice(bounds[k] + 1, bounds[k + 1]) + glob.slice(close + 1);
      results.push(...expandBraces(alternative, budget));
    }
    return results;
  }
  if (--budget.left < 0) throw new GlobError(`expands to more than ${MAX_ALTERNATIVES} alternatives`);
  return [glob];
}

function compileAlternative(glob: string): Segments {
  let body = glob;
  while (body.startsWith('./')) body = body.slice(2);
  if (body.startsWith('/')) body = body.slice(1);
  const parts = splitSegments(body).filter((segment, index, all) => segment !== '' && segment !== '.' || (index === 0 && all.length === 1));
  if (parts.length === 0 || parts[0] === '') throw new GlobError('names no file or folder');
  if (parts.includes('..')) throw new GlobError('leaves the workspace root ("..")');
  const segments: Segments = parts.map((part) => (part === '**' ? null : compileSegment(part, (message) => new GlobError(message))));
  // "folder/**" is what is inside the folder, not the folder itself: one segment at least.
  if (segments.length > 1 && segments[segments.length - 1] === null) segments.splice(segments.length - 1, 0, compileSegment('*', () => new GlobError('')));
  return segments;
}

/** The glob's alternatives, compiled; throws GlobError when it is malformed. */
function compile(glob: string): Segments[] {
  if (glob.trim() === '') throw new GlobError('is empty');
  if (glob.length > MAX_GLOB_LENGTH) throw new GlobError(`is ${glob.length} characters long, above the limit of ${MAX_GLOB_LENGTH}`);
  if (/[\u0000-\u001f]/.test(glob)) throw new GlobError('contains a control character');
  return expandBraces(glob).map(compileAlternative);
}

/** Why a glob cannot be used, or null when it can. */
export function globProblem(glob: string): string | null {
  try {
    compile(glob.startsWith('!') ? glob.slice(1) : glob);
    return null;
  } catch (error) {
    if (error instanceof GlobError) return error.message;
    throw error;
  }
}

/** Does a path (its segments) match one alternative without `**`? Segment by segment. */
function matchesFixed(glob: Segments, path: readonly string[]): boolean {
  if (glob.length !== path.length) return false;
  for (let i = 0; i < glob.length; i++) if (!glob[i]!.matches(path[i])) return false;
  return true;
}

/** With `**`: the set of positions in the glob, advanced segment by segment (no backtracking). */
function matchesSpread(glob: Segments, path: readonly string[]): boolean {
  let states = new Uint8Array(glob.length + 1);
  let next = new Uint8Array(glob.length + 1);
  const close = (set: Uint8Array): void => {
    for (let i = 0; i < glob.length; i++) if (set[i] && glob[i] === null) set[i + 1] = 1;
  };
  states[0] = 1;
  close(states);
  for (const name of path) {
    next.fill(0);
    let any = false;
    for (let i = 0; i < glob.length; i++) {
      if (!states[i]) continue;
      const segment = glob[i];
      if (segment === null) next[i] = 1;
      else if (segment.matches(name)) next[i + 1] = 1;
      else continue;
      any = true;
    }
    if (!any) return false;
    close(next);
    [states, next] = [next, states];
  }
  return states[glob.length] === 1;
}

/**
 * Where the globs that no map holds are kept: by how many names they match (or "**"), and
 * by their first name when it is plain, so that a path tries only the globs that can match it.
 */
function bucketOf(segments: Segments): string {
  const spread = segments.includes(null);
  return `${spread ? '**' : segments.length}/${segments[0]?.literal ?? ''}`;
}

/** Keeps the highest order per key: the last glob that matches decides. */
function remember(map: Map<string, number>, key: string, order: number): void {
  map.set(key, Math.max(map.get(key) ?? -1, order));
}

/** The compiled exclusion globs of one configuration. */
export class GlobSet {
  /** Why each refused glob was refused, by its position in the list. */
  readonly problems: Array<{ index: number; glob: string; message: string }> = [];
  private readonly negated: boolean[] = [];
  /** "drafts/old.sec": the whole path. */
  private readonly exact = new Map<string, number>();
  /** "drafts/**": a folder above the path. */
  private readonly inside = new Map<string, number>();
  /** How many names the longest folder of `inside` has. */
  private insideDepth = 0;
  /** "**\/old.sec": the path's last name. */
  private readonly named = new Map<string, number>();
  /** Every other glob, by bucketOf, highest order first. */
  private readonly buckets = new Map<string, Compiled[]>();
  private anyNegated = false;

  constructor(globs: readonly string[]) {
    globs.forEach((glob, order) => {
      const negated = glob.startsWith('!');
      this.negated.push(negated);
      try {
        for (const segments of compile(negated ? glob.slice(1) : glob)) this.add({ order, segments });
        this.anyNegated ||= negated;
      } catch (error) {
        if (!(error instanceof GlobError)) throw error;
        this.problems.push({ index: order, glob, message: error.message });
      }
    });
    for (const list of this.buckets.values()) list.sort((a, b) => b.order - a.order);
  }

  /** Is a path relative to the root ('/'-separated, not empty) excluded? */
  excludes(path: string): boolean {
    const names = path.split('/');
    let best = -1;
    const consider = (order: number | undefined): void => {
      if (order !== undefined && order > best) best = order;
    };
    consider(this.exact.get(path));
    consider(this.named.get(names[names.length - 1]));
    // Only as deep as the deepest "folder/**": each folder above is a string to hash.
    let depth = 0;
    for (let slash = path.indexOf('/'); slash !== -1 && depth++ < this.insideDepth; slash = path.indexOf('/', slash + 1)) {
      consider(this.inside.get(path.slice(0, slash)));
    }
    if (best >= 0 && !this.anyNegated) return true;
    for (const bucket of [`${names.length}/${names[0]}`, `${names.length}/`, `**/${names[0]}`, '**/']) {
      // Highest order first: the first that matches is the one that counts in its list.
      for (const glob of this.buckets.get(bucket) ?? []) {
        if (glob.order <= best) break;
        if (bucket.startsWith('**') ? matchesSpread(glob.segments, names) : matchesFixed(glob.segments, names)) {
          best = glob.order;
          break;
        }
      }
    }
    return best >= 0 && !this.negated[best];
  }

  private add(glob: Compiled): void {
    const { segments, order } = glob;
    const literal = (from: number, to = segments.length): string | null => {
      const names: string[] = [];
      for (let i = from; i < to; i++) {
        const text = segments[i]?.literal;
        if (text === undefined) return null;
        names.push(text);
      }
      return names.join('/');
    };
    const last = segments.length - 1;
    const whole = literal(0);
    const above = segments[last] === null ? literal(0, last - 1) : null;
    const name = segments.length === 2 && segments[0] === null ? literal(1) : null;
    if (whole !== null) remember(this.exact, whole, order);
    else if (above !== null && segments[last - 1]?.any) {
      remember(this.inside, above, order);
      this.insideDepth = Math.max(this.insideDepth, last - 1);
    }
    else if (name !== null) remember(this.named, name, order);
    else {
      const bucket = bucketOf(segments);
      const list = this.buckets.get(bucket);
      if (list) list.push(glob);
      else this.buckets.set(bucket, [glob]);
    }
  }
}
