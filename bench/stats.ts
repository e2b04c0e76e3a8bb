/** Summaries of repeated measurements: medians, because shared machines have noisy outliers. */

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function timed(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** What `run` returns, and how long it took (ms). */
export function timedValue<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}
