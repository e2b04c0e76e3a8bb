/**
 * One run of the simulation benchmark in a fresh process (its own heap): generates a preset's
 * city, builds the world, and times its first and its steady steps and the parts a step is made
 * of. Prints one line `RESULT <json>`; the suite (bench/suites/simulation.ts) collects the runs.
 *
 * Usage: vite-node bench/probes/simulation-probe.ts -- <scale> <steps>
 */
import { generateCity } from '../../mocks/city/generate-city';
import { isCityScale } from '../../mocks/city/scale';
import { nearestNode, roadNetwork } from '../../mocks/sim/routing/road-network';
import { segmentTimesS, shortestRoute } from '../../mocks/sim/routing/shortest-path';
import { createWorld } from '../../mocks/sim/engine/world';
import type { LiveState } from '../../src/data/schemas';
import { timed } from '../stats';

/** A weekday morning peak: the busiest state of the city. */
const START = Date.parse('2026-01-15T08:30:00+08:00');
/** The alarms' grid and the slowest state cadence: one step is one simulated minute. */
const STEP_MS = 60_000;
const ROUTES = 5;

export interface SimulationProbeResult {
  readonly scale: string;
  readonly counts: {
    readonly roadSegments: number;
    readonly pipes: number;
    readonly serviceLines: number;
    readonly buildings: number;
    readonly stateRows: number;
  };
  readonly generateMs: number;
  readonly worldMs: number;
  readonly firstStepMs: number;
  readonly stepMs: readonly number[];
  /** Copying the columns a step produced: the floor under any step that hands them out. */
  readonly copyMs: readonly number[];
  readonly routeMs: readonly number[];
  readonly heapMB: number;
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapMB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

const [scale = 'town', stepsText = '10'] = process.argv.slice(2).filter((a) => a !== '--');
if (!isCityScale(scale)) throw new Error(`unknown scale ${scale}`);
const steps = Number(stepsText);

let city!: ReturnType<typeof generateCity>;
const generateMs = timed(() => (city = generateCity({ seed: 42, scale })));
let world!: ReturnType<typeof createWorld>;
let simulatedNow = START;
const worldMs = timed(
  () => (world = createWorld({ seed: 42, scale, city, wallNow: () => simulatedNow })),
);
const { simulation } = world;

let states: LiveState[] = [];
const step = (t: number): void => {
  states = simulation.liveDatasetIds.map((id) => simulation.liveState(id, t));
  simulation.alarms(t);
};

const firstStepMs = timed(() => step(START));
const stepMs: number[] = [];
const copyMs: number[] = [];
for (let k = 1; k <= steps; k++) {
  simulatedNow = START + k * STEP_MS;
  stepMs.push(timed(() => step(simulatedNow)));
  copyMs.push(
    timed(() => {
      for (const state of states) for (const column of Object.values(state.columns)) column.slice();
    }),
  );
}

const network = roadNetwork(city);
const costS = segmentTimesS(network, simulation.roadSpeedsAt(simulatedNow));
const extent = city.halfExtentM * 0.8;
const routeMs = Array.from({ length: ROUTES }, (_, k) =>
  timed(() => {
    const from = nearestNode(network, [-extent, -extent + k * 300]);
    const to = nearestNode(network, [extent, extent - k * 300]);
    if (!shortestRoute(network, from, to, costS)) throw new Error('no route across the city');
  }),
);

const result: SimulationProbeResult = {
  scale,
  counts: {
    roadSegments: city.roadSegments.length,
    pipes: city.pipes.length,
    serviceLines: city.serviceLines.length,
    buildings: city.buildings.length,
    stateRows: states.reduce((sum, state) => sum + state.ids.length, 0),
  },
  generateMs,
  worldMs,
  firstStepMs,
  stepMs,
  copyMs,
  routeMs,
  heapMB: heapMB(),
};
console.log(`RESULT ${JSON.stringify(result)}`);
