/**
 * What a big live layer costs the page to hold: a layer of pipe segments and one live state of
 * every segment (bench/probes/memory-probe.ts), held the way the page holds them (columns: typed
 * arrays, ids and values packed, a feature made only when one is asked for) against the
 * validated GeoJSON objects and response it held before, the way raw deck.gl draws from, each run in a fresh node process (the same V8 as Chromium's) with its own
 * heap, alternating the two. The target is ≤ 30 MB of JS heap per million features.
 */
import type { MemoryLayout, MemoryProbeResult } from '../probes/memory-probe';
import { runProbe } from '../probes/run-probe';
import { measurementOf, type Measurement } from '../result';

const SUITE = 'memory';
const PER_MILLION_TARGET = '≤ 30 MB per million features';

export interface MemoryPlan {
  readonly features: number;
  readonly runs: number;
}

export const SMOKE_PLAN: MemoryPlan = { features: 10_000, runs: 1 };
export const FULL_PLAN: MemoryPlan = { features: 1_000_000, runs: 3 };

async function probe(layout: MemoryLayout, features: number): Promise<MemoryProbeResult> {
  return runProbe('bench/probes/memory-probe.ts', [layout, String(features)]);
}

export async function runMemorySuite(
  plan: MemoryPlan,
  log: (line: string) => void,
): Promise<Measurement[]> {
  const table: MemoryProbeResult[] = [];
  const objects: MemoryProbeResult[] = [];
  for (let k = 0; k < plan.runs; k++) {
    log(`memory: ${plan.features} features, run ${k + 1} of ${plan.runs}`);
    table.push(await probe('table', plan.features));
    objects.push(await probe('objects', plan.features));
  }
  const perMillion = (
    results: readonly MemoryProbeResult[],
    pick: (r: MemoryProbeResult) => number,
  ) => results.map((result) => (pick(result) * 1_000_000) / result.features);
  const where = { suite: SUITE, scale: `${plan.features.toLocaleString('en-US')} pipe segments` };
  const heap = (r: MemoryProbeResult) => r.heapMB;
  const outside = (r: MemoryProbeResult) => r.arrayBuffersMB;
  return [
    measurementOf(
      where,
      'JS heap held per million features (a live layer as the page holds it: columns)',
      'MB',
      perMillion(table, heap),
      { name: 'GeoJSON objects', samples: perMillion(objects, heap) },
      PER_MILLION_TARGET,
    ),
    measurementOf(
      where,
      'typed arrays held per million features (positions, ids, values; outside the JS heap)',
      'MB',
      perMillion(table, outside),
    ),
    measurementOf(
      where,
      'JS heap held per million features as GeoJSON objects and the validated live state',
      'MB',
      perMillion(objects, heap),
    ),
  ];
}
