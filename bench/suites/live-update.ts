/**
 * Applying one live state update, for 10k, 100k and 1M road segments: the response's bytes are
 * decoded in a worker (parsed, checked against the contract, columns into typed arrays), and the
 * page's main thread joins the columns to the geometry by feature id, the roads layer computes
 * its colour table in one pass over the columns, and deck.gl's accessor copies each feature's
 * colour (what deck.gl does when a colour's update trigger changes: one call per feature,
 * written into a typed array). The same update handled without a worker is reported beside it. Run in Node: the same V8 as
 * Chromium's main thread, without a page's noise. The baseline is the floor under any update:
 * one pass writing every feature's colour into a typed array from a column by index.
 */
import { featureColumns } from '../../src/data/feature-columns-decoding';
import { columnsTable, type FeatureTable } from '../../src/data/feature-table';
import { joinLiveState } from '../../src/data/live-state';
import { decodeLiveState } from '../../src/data/live-state-decoding';
import { liveStateSchema, type Feature, type LiveState } from '../../src/data/schemas';
import { roadColours } from '../../src/domains/traffic/roads-layer';
import { colourFromTable } from '../../src/map/feature-columns';
import { congestionColors } from '../../src/ui/theme';
import { measurementOf, type Measurement } from '../result';
import { median, timed, timedValue } from '../stats';

const SUITE = 'live-update';

export interface LiveUpdatePlan {
  readonly sizes: readonly number[];
  readonly runs: number;
}

export const SMOKE_PLAN: LiveUpdatePlan = { sizes: [10_000], runs: 2 };
export const FULL_PLAN: LiveUpdatePlan = { sizes: [10_000, 100_000, 1_000_000], runs: 7 };

const TARGETS: Readonly<Record<number, string>> = {
  100_000: '≤ 10 ms of main thread',
  1_000_000: '≤ 50 ms of main thread',
};

/** N two-point road segments, each with its free-flow speed. */
function roads(count: number): FeatureTable {
  const features: Feature[] = [];
  for (let k = 0; k < count; k++) {
    const x = 120 + (k % 1000) * 1e-4;
    const y = 30 + Math.floor(k / 1000) * 1e-4;
    features.push({
      type: 'Feature',
      id: `r-${k}`,
      geometry: {
        type: 'LineString',
        coordinates: [
          [x, y],
          [x + 5e-5, y],
        ],
      },
      properties: { freeFlowKmh: 40 + (k % 5) * 10 },
    });
  }
  // As the page holds them: decoded into columns (off the main thread there).
  return columnsTable(featureColumns(features)!);
}

/** The update as a server sends it: every segment's speed, in the geometry's order. */
function update(count: number, step: number): string {
  const ids: string[] = [];
  const speeds: (number | null)[] = [];
  for (let k = 0; k < count; k++) {
    ids.push(`r-${k}`);
    speeds.push(k % 97 === 0 ? null : ((k * 7 + step * 13) % 60) + 5);
  }
  const state: LiveState = {
    dataset: 'traffic.roads',
    observedAt: new Date(Date.UTC(2026, 10, 26, 8, step)).toISOString(),
    cadenceS: 60,
    ids,
    columns: { speedKmh: speeds },
  };
  return JSON.stringify(state);
}

interface UpdateTimes {
  /** Off the main thread in the page: bytes to typed columns (live-state-decoding.ts). */
  readonly decodeMs: number;
  readonly joinMs: number;
  readonly colourMs: number;
  readonly floorMs: number;
  /** The same update without a worker: parsed and checked on the main thread. */
  readonly parseMs: number;
  readonly validateMs: number;
}

const encoder = new TextEncoder();

function applyOnce(geometry: FeatureTable, text: string, previousIds: string[]): UpdateTimes {
  const bytes = encoder.encode(text).buffer as ArrayBuffer;
  const [decoded, decodeMs] = timedValue(() => decodeLiveState(bytes));
  if (!decoded.ok) throw new Error('the update did not decode');
  // As the page receives it from the worker: the columns, and the ids it already had.
  const readings = { ...decoded.value, ids: previousIds };
  const [table, joinMs] = timedValue(() => joinLiveState(geometry, readings));
  const colours = new Uint8ClampedArray(geometry.length * 4);
  const colourMs = timed(() => {
    // The layer's colour table for this read, then deck.gl's accessor once per feature.
    const accessor = colourFromTable<Feature>(roadColours({ geometry, state: table }));
    const target = [0, 0, 0, 0];
    // Binary data: deck.gl passes no object, only the index.
    const data = { length: geometry.length };
    const info = { index: 0, data, target };
    for (let index = 0; index < geometry.length; index++) {
      info.index = index;
      const colour = accessor(undefined as unknown as Feature, info);
      const at = index * 4;
      colours[at] = colour[0];
      colours[at + 1] = colour[1];
      colours[at + 2] = colour[2];
      colours[at + 3] = colour[3];
    }
  });
  const speeds = table.columns.get('speedKmh')!;
  const palette = Object.values(congestionColors);
  const floorMs = timed(() => {
    for (let index = 0; index < speeds.length; index++) {
      const colour = palette[Math.min(palette.length - 1, speeds[index]! >>> 4)]!;
      colours[index * 4] = colour[0];
      colours[index * 4 + 1] = colour[1];
      colours[index * 4 + 2] = colour[2];
      colours[index * 4 + 3] = colour[3];
    }
  });
  let json: unknown;
  const parseMs = timed(() => {
    json = JSON.parse(text);
  });
  const validateMs = timed(() => {
    if (!liveStateSchema.safeParse(json).success) throw new Error('the update is not valid');
  });
  return { decodeMs, joinMs, colourMs, floorMs, parseMs, validateMs };
}

function row(
  count: number,
  name: string,
  samples: readonly number[],
  baseline: readonly number[] | null = null,
  target: string | null = null,
): Measurement {
  return measurementOf(
    { suite: SUITE, scale: `${count.toLocaleString('en-US')} features` },
    name,
    'ms',
    samples,
    baseline ? { name: 'one typed-array pass', samples: baseline } : null,
    target,
  );
}

export function runLiveUpdateSuite(
  plan: LiveUpdatePlan,
  log: (line: string) => void,
): Measurement[] {
  const measurements: Measurement[] = [];
  for (const count of plan.sizes) {
    const geometry = roads(count);
    const texts = Array.from({ length: plan.runs + 1 }, (_, step) => update(count, step));
    const first = decodeLiveState(encoder.encode(texts[0]!).buffer as ArrayBuffer);
    if (!first.ok) throw new Error('the update did not decode');
    const ids = first.value.ids;
    applyOnce(geometry, texts[0]!, ids); // warm-up
    const runs = texts.slice(1).map((text) => applyOnce(geometry, text, ids));
    const pick = (key: keyof UpdateTimes) => runs.map((times) => times[key]);
    const mainThread = runs.map((t) => t.joinMs + t.colourMs);
    const withoutWorker = runs.map((t) => t.parseMs + t.validateMs + t.joinMs + t.colourMs);
    log(
      `live-update: ${count} features, ${(texts[0]!.length / 1e6).toFixed(1)} MB of JSON: main thread ${median(mainThread).toFixed(1)} ms`,
    );
    measurements.push(
      row(
        count,
        'one update, main thread (decoded in the worker)',
        mainThread,
        pick('floorMs'),
        TARGETS[count] ?? null,
      ),
      row(count, 'joining by feature id into typed columns', pick('joinMs')),
      row(
        count,
        'colouring every feature (the layer’s colour table, copied by deck.gl’s accessor)',
        pick('colourMs'),
      ),
      row(count, 'decoding in the worker (off the main thread)', pick('decodeMs')),
      row(count, 'the same update without a worker, all on the main thread', withoutWorker),
      row(count, '… of which parsing the JSON', pick('parseMs')),
      row(count, '… of which checking it against the contract', pick('validateMs')),
    );
  }
  return measurements;
}
