/**
 * The simulation behind the demo: generating each preset's city and stepping its world, each run
 * in a fresh node process (bench/probes/simulation-probe.ts). In the browser the same code runs
 * in the demo backend's worker, off the page's main thread; these are its costs.
 */
import type { SimulationProbeResult } from '../probes/simulation-probe';
import { runProbe } from '../probes/run-probe';
import { measurementOf, type Measurement } from '../result';

const SUITE = 'simulation';

export interface SimulationPlan {
  readonly scales: readonly { scale: string; runs: number; steps: number }[];
}

export const SMOKE_PLAN: SimulationPlan = { scales: [{ scale: 'town', runs: 1, steps: 3 }] };
export const FULL_PLAN: SimulationPlan = {
  scales: [
    { scale: 'town', runs: 3, steps: 20 },
    { scale: 'city', runs: 3, steps: 20 },
    // A megacity run takes minutes here: generation, a first step that builds every per-city
    // table, then steps of over a second each.
    { scale: 'megacity', runs: 1, steps: 8 },
  ],
};

async function probe(scale: string, steps: number): Promise<SimulationProbeResult> {
  return runProbe('bench/probes/simulation-probe.ts', [scale, String(steps)]);
}

function measurement(
  name: string,
  scale: string,
  unit: Measurement['unit'],
  samples: readonly number[],
  baseline: { name: string; samples: readonly number[] } | null = null,
): Measurement {
  return measurementOf({ suite: SUITE, scale }, name, unit, samples, baseline);
}

export async function runSimulationSuite(
  plan: SimulationPlan,
  log: (line: string) => void,
): Promise<Measurement[]> {
  const measurements: Measurement[] = [];
  for (const { scale, runs, steps } of plan.scales) {
    const results: SimulationProbeResult[] = [];
    for (let k = 0; k < runs; k++) {
      log(`simulation: ${scale}, run ${k + 1} of ${runs}`);
      results.push(await probe(scale, steps));
    }
    const all = (pick: (r: SimulationProbeResult) => readonly number[]): number[] =>
      results.flatMap(pick);
    const one = (pick: (r: SimulationProbeResult) => number): number[] => results.map(pick);
    const { counts } = results[0]!;
    const rows = counts.stateRows;
    const stepSamples = all((r) => r.stepMs);
    measurements.push(
      measurement('road segments', scale, 'count', [counts.roadSegments]),
      measurement('pipe segments (street + service lines)', scale, 'count', [
        counts.pipes + counts.serviceLines,
      ]),
      measurement('live state rows per step', scale, 'count', [rows]),
      measurement(
        'generate the city',
        scale,
        'ms',
        one((r) => r.generateMs),
      ),
      measurement(
        'first step (builds the per-city tables)',
        scale,
        'ms',
        one((r) => r.firstStepMs),
      ),
      measurement(
        'steady step (one simulated minute, all live datasets and alarms)',
        scale,
        'ms',
        stepSamples,
        {
          name: 'copying the step’s columns',
          samples: all((r) => r.copyMs),
        },
      ),
      measurement(
        'steady step per state row',
        scale,
        'µs/feature',
        stepSamples.map((ms) => (ms * 1000) / rows),
      ),
      measurement(
        'fire route across the city',
        scale,
        'ms',
        all((r) => r.routeMs),
      ),
      measurement(
        'heap after stepping',
        scale,
        'MB',
        one((r) => r.heapMB),
      ),
    );
  }
  return measurements;
}
