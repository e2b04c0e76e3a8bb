/**
 * Fault injection of the demo backend: each kind of fault fails the way it says, for the
 * features and the state of a dataset, the catalog, areas and base map, the alarms, the clock,
 * the scenarios and the event stream, and only there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  areasSchema,
  basemapSchema,
  catalogSchema,
  featureCollectionSchema,
  liveStateSchema,
} from '../../src/data/schemas';
import { createFaults, FAULT_KINDS } from '../../mocks/faults';
import { MARKUP } from '../../mocks/handlers/hostile-bodies';
import { createMockServer } from '../../mocks/node';
import { schemaErrors } from './contract';
import { readEvents } from './sse';

const BASE_URL = 'http://cityops.test/api/v1';
const NOW = Date.parse('2026-01-15T08:30:00+08:00');

const { server, faults } = createMockServer({
  baseUrl: BASE_URL,
  seed: 42,
  scale: 'town',
  now: () => NOW,
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => faults.clearAll());
afterAll(() => server.close());

/** A request of a target: a GET, or a POST with a JSON body. */
const get = (path: string, init?: RequestInit, body?: unknown): Promise<Response> =>
  fetch(
    `${BASE_URL}${path}`,
    body === undefined
      ? init
      : {
          ...init,
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'Content-Type': 'application/json' },
        },
  );

/** Whether a body passes the app's zod schema, or the contract's schema where the app has none. */
type Check = (body: unknown) => boolean;
const zod =
  (schema: ZodType): Check =>
  (body) =>
    schema.safeParse(body).success;
const contract =
  (name: string): Check =>
  (body) =>
    schemaErrors(name, body).length === 0;

/** Every resource path a fault can target, with the schema its real answer satisfies. */
const TARGETS: readonly { target: string; path: string; valid: Check; body?: unknown }[] = [
  { target: 'catalog', path: '/catalog', valid: zod(catalogSchema) },
  { target: 'areas', path: '/areas', valid: zod(areasSchema) },
  { target: 'basemap', path: '/basemap', valid: zod(basemapSchema) },
  {
    target: 'fire.hydrants',
    path: '/datasets/fire.hydrants/features',
    valid: zod(featureCollectionSchema),
  },
  { target: 'fire.hydrants', path: '/datasets/fire.hydrants/state', valid: zod(liveStateSchema) },
  {
    target: 'fire.hydrants',
    path: '/datasets/fire.hydrants/state?since=2026-01-15T08:20:00%2B08:00',
    valid: zod(liveStateSchema),
  },
  {
    target: 'fire.units',
    path: '/datasets/fire.units/features',
    valid: zod(featureCollectionSchema),
  },
  { target: 'alarms', path: '/alarms', valid: contract('AlarmList') },
  { target: 'alarms', path: '/alarms/al-1', valid: contract('Alarm') },
  {
    target: 'alarms',
    path: '/alarms/al-1/actions',
    valid: contract('Alarm'),
    body: { actionId: 'fault-1', action: 'acknowledge', expectedVersion: 0 },
  },
  { target: 'clock', path: '/clock', valid: contract('Clock') },
  { target: 'clock', path: '/clock', valid: contract('Clock'), body: { action: 'live' } },
  { target: 'scenarios', path: '/scenarios', valid: contract('ScenarioList') },
  {
    target: 'scenarios',
    path: '/scenarios/rainstorm/runs',
    valid: contract('ScenarioRun'),
    body: { at: '2026-01-15T12:00:00+08:00' },
  },
];

describe('fault injection', () => {
  it.each(TARGETS)(
    '500 on $target: $path answers HTTP 500 with an error body',
    async ({ target, path, body }) => {
      faults.set(target, '500');
      const response = await get(path, {}, body);
      expect(response.status).toBe(500);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({
        error: { code: 'internal', message: expect.any(String) },
      });
    },
  );

  it.each(TARGETS)(
    'garbage on $target: $path answers 200 with a body that is not JSON',
    async ({ target, path, body }) => {
      faults.set(target, 'garbage');
      const response = await get(path, {}, body);
      expect(response.status).toBe(200);
      await expect(response.json()).rejects.toThrow(SyntaxError);
    },
  );

  it.each(TARGETS)(
    'hostile on $target: $path answers 200 with JSON the schemas reject',
    async ({ target, path, valid, body: request }) => {
      faults.set(target, 'hostile');
      const response = await get(path, {}, request);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text.length).toBeGreaterThan(1024 * 1024);
      expect(text).toContain(MARKUP);
      expect(text).toContain('1e999');
      expect(text).toContain('"NaN"');
      const body: unknown = JSON.parse(text);
      expect(hasNonFiniteNumber(body)).toBe(true);
      expect(valid(body)).toBe(false);
    },
  );

  it.each(TARGETS)(
    'offline on $target: $path fails with a network error',
    async ({ target, path, body }) => {
      faults.set(target, 'offline');
      await expect(get(path, {}, body)).rejects.toThrow(TypeError);
    },
  );

  it.each(TARGETS)(
    'timeout on $target: $path never answers until the request is aborted',
    async ({ target, path, body }) => {
      faults.set(target, 'timeout');
      const controller = new AbortController();
      const started = Date.now();
      const request = get(path, { signal: controller.signal }, body);
      const settled = await Promise.race([
        request.then(
          () => 'answered',
          () => 'failed',
        ),
        delay(300).then(() => 'pending'),
      ]);
      expect(settled).toBe('pending');
      controller.abort();
      await expect(request).rejects.toMatchObject({ name: 'AbortError' });
      expect(Date.now() - started).toBeLessThan(5_000);
    },
  );

  it('fails only the resource it is set on, and stops when cleared', async () => {
    faults.set('fire.hydrants', '500');
    expect((await get('/datasets/fire.hydrants/state')).status).toBe(500);
    expect((await get('/datasets/fire.stations/state')).status).toBe(200);
    expect((await get('/catalog')).status).toBe(200);
    faults.clear('fire.hydrants');
    expect((await get('/datasets/fire.hydrants/state')).status).toBe(200);
  });

  it('sets faults from a spec string and clears them all', async () => {
    faults.parse('fire.hydrants:500, traffic.roads:garbage,catalog:offline');
    expect(faults.entries()).toEqual([
      ['fire.hydrants', '500'],
      ['traffic.roads', 'garbage'],
      ['catalog', 'offline'],
    ]);
    expect((await get('/datasets/fire.hydrants/features')).status).toBe(500);
    await expect((await get('/datasets/traffic.roads/state')).json()).rejects.toThrow(SyntaxError);
    await expect(get('/catalog')).rejects.toThrow(TypeError);
    faults.clearAll();
    expect(faults.entries()).toEqual([]);
    expect((await get('/catalog')).status).toBe(200);
  });
});

describe('fault injection on the event stream', () => {
  it('500 answers an error body; garbage and hostile answer events the client must reject', async () => {
    faults.set('stream', '500');
    const failed = await get('/stream');
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ error: { code: 'internal' } });
    faults.set('stream', 'garbage');
    const garbage = await get('/stream');
    expect(garbage.headers.get('content-type')).toContain('text/event-stream');
    const [junk] = await readEvents(garbage, (events) => events.length > 0, { timeoutMs: 2_000 });
    expect(() => JSON.parse(junk!.data)).toThrow(SyntaxError);
    faults.set('stream', 'hostile');
    const [hostile] = await readEvents(await get('/stream'), (events) => events.length > 0, {
      timeoutMs: 2_000,
    });
    expect(hostile!.event).toBe('state');
    expect(hostile!.data).toContain(MARKUP);
    expect(liveStateSchema.safeParse(JSON.parse(hostile!.data)).success).toBe(false);
    faults.set('stream', 'offline');
    await expect(get('/stream')).rejects.toThrow(TypeError);
  });

  it('a failing dataset goes quiet on the stream while the others go on', async () => {
    faults.set('fire.hydrants', '500');
    const events = await readEvents(
      await get('/stream?datasets=fire.hydrants,fire.stations'),
      (seen) => seen.some((e) => e.event === 'alarms'),
    );
    const datasets = events
      .filter((e) => e.event === 'state')
      .map((e) => (JSON.parse(e.data) as { dataset: string }).dataset);
    expect(datasets).toEqual(['fire.stations']);
  });
});

describe('createFaults', () => {
  it('knows every documented fault kind', () => {
    expect([...FAULT_KINDS].sort()).toEqual(['500', 'garbage', 'hostile', 'offline', 'timeout']);
  });

  it('takes an initial spec and rejects malformed ones', () => {
    expect(createFaults('basemap:timeout').get('basemap')).toBe('timeout');
    expect(createFaults('').entries()).toEqual([]);
    expect(() => createFaults('fire.hydrants')).toThrow(/bad fault/);
    expect(() => createFaults('fire.hydrants:explode')).toThrow(/bad fault/);
    expect(() => createFaults(':500')).toThrow(/bad fault/);
  });
});

/** Whether a parsed JSON value holds Infinity anywhere (1e999 in the text). */
function hasNonFiniteNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (Array.isArray(value)) return value.some(hasNonFiniteNumber);
  if (value && typeof value === 'object') return Object.values(value).some(hasNonFiniteNumber);
  return false;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
