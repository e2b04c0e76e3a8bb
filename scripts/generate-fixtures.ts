/**
 * Writes the demo town's API responses at a fixed time (a weekday morning peak) to fixtures/town/,
 * by calling the mock backend over fetch, so the fixtures are exactly what the API serves.
 * Every body is checked against the app's schemas before it is written.
 *
 *   npm run fixtures
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ZodType } from 'zod';
import {
  areasSchema,
  basemapSchema,
  catalogSchema,
  featureCollectionSchema,
  liveStateSchema,
} from '../src/data/schemas';
import { DATASET_IDS, hasLiveState } from '../mocks/datasets';
import { createMockServer } from '../mocks/node';

const SEED = 42;
const SCALE = 'town';
const AT = '2026-01-15T08:30:00+08:00';
const BASE_URL = 'http://cityops.test/api/v1';
/** Files smaller than this are pretty-printed for readable diffs; larger ones stay compact. */
const PRETTY_LIMIT_BYTES = 64 * 1024;

const outputDir = fileURLToPath(new URL(`../fixtures/${SCALE}/`, import.meta.url));

async function fetchJson(path: string, schema: ZodType): Promise<unknown> {
  const response = await fetch(`${BASE_URL}${path}`);
  if (!response.ok)
    throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
  const body: unknown = await response.json();
  const checked = schema.safeParse(body);
  if (!checked.success)
    throw new Error(`GET ${path}: response fails its schema: ${checked.error.message}`);
  return body;
}

function write(name: string, body: unknown): number {
  const compact = JSON.stringify(body);
  const text = compact.length < PRETTY_LIMIT_BYTES ? JSON.stringify(body, null, 2) : compact;
  writeFileSync(`${outputDir}${name}`, `${text}\n`);
  return text.length + 1;
}

async function main(): Promise<void> {
  const time = Date.parse(AT);
  const { server } = createMockServer({
    baseUrl: BASE_URL,
    seed: SEED,
    scale: SCALE,
    now: () => time,
  });
  server.listen({ onUnhandledRequest: 'error' });
  try {
    mkdirSync(outputDir, { recursive: true });
    // Start from an empty directory so that no fixture of a dataset that is gone lingers.
    for (const file of readdirSync(outputDir))
      if (file.endsWith('.json')) rmSync(`${outputDir}${file}`);
    const files: [string, unknown][] = [
      ['catalog.json', await fetchJson('/catalog', catalogSchema)],
      ['areas.json', await fetchJson('/areas', areasSchema)],
      ['basemap.json', await fetchJson('/basemap', basemapSchema)],
    ];
    for (const id of DATASET_IDS) {
      files.push([
        `${id}.features.json`,
        await fetchJson(`/datasets/${id}/features`, featureCollectionSchema),
      ]);
      if (hasLiveState(id))
        files.push([`${id}.state.json`, await fetchJson(`/datasets/${id}/state`, liveStateSchema)]);
    }
    let total = 0;
    for (const [name, body] of files) {
      const bytes = write(name, body);
      total += bytes;
      console.log(`${(bytes / 1024).toFixed(0).padStart(6)} KB  fixtures/${SCALE}/${name}`);
    }
    console.log(
      `${(total / 1024 / 1024).toFixed(2)} MB in ${files.length} files (seed ${SEED}, ${SCALE}, ${AT})`,
    );
  } finally {
    server.close();
  }
}

await main();
