/** One figure of a benchmark run, as written to bench/results/ and tabled in docs/benchmarks.md. */
import { median } from './stats';

export interface Measurement {
  /** e.g. `simulation`. */
  readonly suite: string;
  /** What was measured, e.g. `generate city`. */
  readonly name: string;
  /** Scale preset, when the figure depends on one. */
  readonly scale: string | null;
  /** `%`: a change (signed); `share`: a part of a whole, in per cent. */
  readonly unit: 'ms' | 'MB' | 'KB' | 'µs/feature' | 'count' | '%' | 'share' | 'min' | 'h';
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

/**
 * A table row: the median of the samples, against the median of a same-run baseline's when
 * there is one (no ratio to a baseline of nothing).
 */
export function measurementOf(
  where: { readonly suite: string; readonly scale: string | null },
  name: string,
  unit: Measurement['unit'],
  samples: readonly number[],
  baseline: { readonly name: string; readonly samples: readonly number[] } | null = null,
  target: string | null = null,
): Measurement {
  const value = median(samples);
  const base = baseline ? { name: baseline.name, value: median(baseline.samples) } : null;
  return {
    ...where,
    name,
    unit,
    value,
    samples,
    baseline: base,
    ratio: base && base.value > 0 ? value / base.value : null,
    target,
  };
}
