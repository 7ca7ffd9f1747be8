// Whole-value comparison for property tests: a test names the fields it leaves out (and says
// why), so that every other field, including one added later, is compared by default.

/**
 * A deep copy of `value` without the fields at the given dotted paths. A path goes through
 * arrays, maps and sets element by element: `units.parent` is every unit's `parent`.
 */
export function withoutFields(value: unknown, excluded: readonly string[]): unknown {
  return strip(value, excluded.map((path) => path.split('.')));
}

function strip(value: unknown, paths: readonly string[][]): unknown {
  if (Array.isArray(value)) return value.map((item) => strip(item, paths));
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, strip(item, paths)]));
  if (value instanceof Set) return new Set([...value].map((item) => strip(item, paths)));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (paths.some((path) => path.length === 1 && path[0] === key)) continue;
    const deeper = paths.filter((path) => path.length > 1 && path[0] === key).map((path) => path.slice(1));
    copy[key] = strip(field, deeper);
  }
  return copy;
}
