/** One figure of a benchmark run, as written to bench/results/ and tabled in docs/benchmarks.md. */

export interface Measurement {
  /** e.g. `simulation`. */
  readonly suite: string;
  /** What was measured, e.g. `generate city`. */
  readonly name: string;
  /** Scale preset, when the figure depends on one. */
  readonly scale: string | null;
  readonly unit: 'ms' | 'MB' | 'KB' | 'µs/feature' | 'count' | '%' | 'min' | 'h';
  /** The median over `samples`. */
  readonly value: number;
  readonly samples: readonly number[];
  /** The same-run baseline the value is compared with, if there is one. */
  readonly baseline: { readonly name: string; readonly value: number } | null;
  /** value / baseline.value. */
  readonly ratio: number | null;
  /** The target it is held to, in words, when there is one. */
  readonly target: string | null;
}
