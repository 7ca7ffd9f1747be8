// Linear growth, measured as a ratio: the same work on inputs of size 1× and 8×. A linear
// algorithm takes about 8 times as long; a quadratic one about 64 times. Best of a few runs
// on each side, so that a busy machine (the tests share two cores) makes a ratio noisier,
// not wrong; no wall-clock limit anywhere.

function elapsed(work: () => void): number {
  const start = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - start);
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

/** Linear growth gives about 8 (up to 17 seen with the garbage collector at work); quadratic growth about 64. */
export const LINEAR_RATIO_LIMIT = 30;
