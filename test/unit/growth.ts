// Linear growth, measured as a ratio: the same work on inputs of size 1× and 8×. A linear
// algorithm takes about 8 times as long; a quadratic one about 64 times. CPU time, best of a
// few interleaved runs on each side, so that a busy machine (the tests share two cores) makes
// a ratio noisier, not wrong; no wall-clock limit anywhere.

/** CPU time, not wall time: on a busy machine a longer run is more often paused, which is not its cost. */
function elapsed(work: () => void): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/** Time of `work(make(8 * size))` over time of `work(make(size))`, best of `runs` interleaved runs each. */
export function growthRatio<T>(make: (size: number) => T, work: (input: T) => unknown, size: number, runs = 5): number {
  const small = make(size);
  const large = make(8 * size);
  // Both compiled and both inputs flattened before measuring.
  work(small);
  work(large);
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let i = 0; i < runs; i++) {
    bestSmall = Math.min(bestSmall, elapsed(() => work(small)));
    bestLarge = Math.min(bestLarge, elapsed(() => work(large)));
  }
  return bestLarge / bestSmall;
}

/** Linear growth gives about 8 (up to 27 seen on a loaded machine); quadratic growth about 64. */
export const LINEAR_RATIO_LIMIT = 30;

/**
 * Fails unless the work grows linearly from 1× to 8×. A ratio over the limit is measured again,
 * twice at most: a quadratic algorithm is over it every time, a noisy machine seldom twice.
 */
export function assertLinear<T>(make: (size: number) => T, work: (input: T) => unknown, size: number, what: string): void {
  const ratios: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    ratios.push(growthRatio(make, work, size, 3));
    if (ratios[attempt] < LINEAR_RATIO_LIMIT) return;
  }
  throw new Error(`${what}: 1× → 8× the input took ${ratios.map((ratio) => `${ratio.toFixed(1)}×`).join(', ')} the time`);
}
