/**
 * One run of the memory benchmark in a fresh process (its own heap): a layer of N pipe segments
 * shaped like the demo's (a unique bilingual name each, 2 to 4 vertices, a diameter, a
 * material, a zone, some service lines), as the geometry endpoint sends it, held either the way
 * the page holds it (`table`: decoded into columns, feature-table.ts, as the decoding worker
 * hands it over) or as the validated GeoJSON objects it held before (`objects`: what raw deck.gl
 * draws from); with one live state of every feature (its ids packed as the worker hands them
 * over, against the validated response's strings) joined to it. Prints one line `RESULT <json>`: what the held layer adds to the JS heap and to
 * the memory outside it (typed arrays), after a full garbage collection.
 *
 * Usage: node --expose-gc vite-node bench/probes/memory-probe.ts -- <table|objects> <features>
 */
import { decodeGeometry } from '../../src/data/feature-columns-decoding';
import { featureTableOf, objectTable, type FeatureTable } from '../../src/data/feature-table';
import { joinLiveState, type StateTable } from '../../src/data/live-state';
import { decodeLiveState, readingsForPage } from '../../src/data/live-state-decoding';
import {
  featureCollectionSchema,
  liveStateSchema,
  type Feature,
  type LiveReadings,
  type LiveState,
} from '../../src/data/schemas';
import { pathLengthsM } from '../../src/map/feature-geometry';

export type MemoryLayout = 'table' | 'objects';

export interface MemoryProbeResult {
  readonly layout: MemoryLayout;
  readonly features: number;
  /** Added to the JS heap by the held layer. */
  readonly heapMB: number;
  /** Added outside the JS heap (ArrayBuffers: typed arrays). */
  readonly arrayBuffersMB: number;
}

const MATERIALS = ['ductile iron', 'PE', 'steel', 'PVC'] as const;

function pipe(k: number): Feature {
  const x = 121 + (k % 1000) * 2e-4;
  const y = 31 + Math.floor(k / 1000) * 2e-5;
  const vertices = 2 + (k % 3);
  const service = k % 3 === 0;
  return {
    type: 'Feature',
    id: `water-${k}`,
    geometry: {
      type: 'LineString',
      coordinates: Array.from({ length: vertices }, (_, v) => [x + v * 5e-5, y + (v % 2) * 3e-5]),
    },
    properties: {
      name: service
        ? { zh: `幸福路 ${k} 号 给水接户管 DN25`, en: `${k} Xingfu Road water service line DN25` }
        : { zh: `幸福路给水管 ${k}`, en: `Xingfu Road water main ${k}` },
      diameterMm: service ? 25 : 100 + (k % 6) * 50,
      material: MATERIALS[k % MATERIALS.length]!,
      zone: `zone-${k % 40}`,
      ...(service ? { service: true, pipeId: `water-${k - 1}` } : {}),
    },
  };
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
}

interface Usage {
  readonly heap: number;
  readonly arrayBuffers: number;
}

function usage(): Usage {
  collectGarbage();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed, arrayBuffers };
}

const encoder = new TextEncoder();

interface Responses {
  /** As the geometry endpoint sends them. */
  readonly geometry: ArrayBuffer;
  /** As the live state endpoint sends it: every feature's pressure. */
  readonly state: ArrayBuffer;
}

function responses(count: number): Responses {
  const features = Array.from({ length: count }, (_, k) => pipe(k));
  const state: LiveState = {
    dataset: 'pipes.water',
    observedAt: '2026-11-27T08:00:00Z',
    cadenceS: 60,
    ids: features.map((feature) => feature.id),
    columns: { pressureKpa: features.map((_, k) => 250 + (k % 50)) },
  };
  return {
    geometry: encoder.encode(JSON.stringify({ type: 'FeatureCollection', features }))
      .buffer as ArrayBuffer,
    state: encoder.encode(JSON.stringify(state)).buffer as ArrayBuffer,
  };
}

interface Held {
  readonly geometry: FeatureTable;
  readonly readings: LiveReadings;
  readonly state: StateTable;
}

function hold(layout: MemoryLayout, bytes: Responses): Held {
  if (layout === 'objects') {
    const geometry = objectTable(
      featureCollectionSchema.parse(JSON.parse(new TextDecoder().decode(bytes.geometry))),
    );
    const readings = liveStateSchema.parse(JSON.parse(new TextDecoder().decode(bytes.state)));
    return { geometry, readings, state: joinLiveState(geometry, readings) };
  }
  const decoded = decodeGeometry(bytes.geometry);
  const decodedState = decodeLiveState(bytes.state);
  if (!decoded.ok || !decodedState.ok) throw new Error('the layer did not decode');
  const table = featureTableOf(decoded.value);
  const readings = readingsForPage(decodedState.value, false);
  // What the layer keeps beside it once drawn and counted: its lengths (the congestion index's
  // kind of pass), the id lookup's first use, a feature made for the details panel.
  pathLengthsM(table);
  table.indexOf('water-1');
  table.feature(0);
  return { geometry: table, readings, state: joinLiveState(table, readings) };
}

const [layout = 'table', countText = '10000'] = process.argv.slice(2).filter((a) => a !== '--');
if (layout !== 'table' && layout !== 'objects') throw new Error(`unknown layout ${layout}`);
const count = Number(countText);

// A small layer first, so that what the code path itself keeps (compiled code, the schema's
// caches) is in the heap before the measure starts.
hold(layout, responses(100));
const before = usage();
let bytes: Responses | null = responses(count);
let held: Held | null = hold(layout, bytes);
// The response's bytes are let go once decoded, as the page does.
bytes = null;
const after = usage();
const result: MemoryProbeResult = {
  layout,
  features: count,
  heapMB: (after.heap - before.heap) / 2 ** 20,
  arrayBuffersMB: (after.arrayBuffers - before.arrayBuffers) / 2 ** 20,
};
console.log(`RESULT ${JSON.stringify(result)}`);
held = null;
void held;
