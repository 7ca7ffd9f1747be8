/** The index of the last value not above `value` in an ascending array, 0 when there is none. */
export function lastNotAbove(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The index of the first value at or above `value` in an ascending array; its length when there is none. */
export function firstAtOrAfter(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The number of leading items for which `before` holds, in items where it holds for a prefix
 * only (items sorted by start, `before = (item) => item.start <= offset`: the index after the
 * last one starting at or before the offset).
 */
export function countBefore<T>(items: ArrayLike<T>, before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}
