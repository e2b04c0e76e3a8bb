/**
 * The generated demo-city fixtures (`npm run fixtures`) as the map receives them: the exact API
 * responses, validated with the app's schemas, indexed and joined like the live data path does.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { featureTable } from '../../src/data/feature-table';
import { joinLiveState } from '../../src/data/live-state';
import { featureCollectionSchema, liveStateSchema, type LiveState } from '../../src/data/schemas';
import type { LayerData } from '../../src/map/layer-contract';

export const FIXTURE_CITY = 'town';
const FIXTURE_DIR = fileURLToPath(new URL(`../../fixtures/${FIXTURE_CITY}/`, import.meta.url));

export function fixturePath(datasetId: string, part: 'features' | 'state'): string {
  return `${FIXTURE_DIR}${datasetId}.${part}.json`;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) throw new Error(`fixture ${path} is missing: run \`npm run fixtures\``);
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The raw live state of a dataset, validated; null for datasets without live state. */
export function loadFixtureLiveState(datasetId: string): LiveState | null {
  const path = fixturePath(datasetId, 'state');
  return existsSync(path) ? liveStateSchema.parse(readJson(path)) : null;
}

export function loadFixtureLayerData(datasetId: string): LayerData {
  const collection = featureCollectionSchema.parse(readJson(fixturePath(datasetId, 'features')));
  const geometry = featureTable(collection.features);
  const live = loadFixtureLiveState(datasetId);
  return { geometry, state: live ? joinLiveState(geometry, live) : null };
}

/**
 * One live column straight from the raw response, by feature id (null = no reading), for
 * checking the joined, index-based table against the source without going through it.
 */
export function fixtureColumnById(
  datasetId: string,
  column: string,
): ReadonlyMap<string, number | null> {
  const live = loadFixtureLiveState(datasetId);
  const values = live?.columns[column];
  const byId = new Map<string, number | null>();
  if (!live || !values) return byId;
  live.ids.forEach((id, row) => byId.set(id, values[row] ?? null));
  return byId;
}
