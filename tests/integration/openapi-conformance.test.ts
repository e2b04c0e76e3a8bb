/**
 * The demo backend against the contract: every operation of docs/api/openapi.yaml is called, on
 * the MSW handlers under msw/node and on the standalone HTTP server, and every answer (successes
 * and errors) is validated against the schema the document gives for its status, and against the
 * app's zod schemas where the app has one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  areasSchema,
  basemapSchema,
  catalogSchema,
  featureCollectionSchema,
  liveStateSchema,
  type Catalog,
  type FeatureCollection,
} from '../../src/data/schemas';
import { mswBackend, standaloneBackend } from './backends';
import {
  doc,
  documentedOperations,
  documentedResponse,
  documentedSchema,
  hasSchema,
  schemaErrors,
  type Method,
} from './contract';
import { readEvents } from './sse';

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

function expectZod(schema: ZodType, body: unknown, what: string): void {
  const result = schema.safeParse(body);
  expect(result.error?.issues.slice(0, 5), what).toBeUndefined();
}

describe.each([mswBackend(), standaloneBackend()])(
  'the demo backend conforms to docs/api/openapi.yaml ($name)',
  (backend) => {
    const exercised = new Set<string>();

    /** Calls a documented operation and checks the answer against the document. */
    async function call(
      documentedPath: string,
      url: string,
      { method = 'get', body, base }: { method?: Method; body?: unknown; base?: string } = {},
    ): Promise<Answer> {
      const response = await fetch(`${base ?? backend.baseUrl}${url}`, {
        method: method.toUpperCase(),
        ...(body === undefined
          ? {}
          : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
      });
      const json: unknown = await response.json();
      expect(response.headers.get('cache-control'), url).toBe('no-store');
      expect(response.headers.get('content-type'), url).toContain('application/json');
      const schemaName = documentedSchema(documentedPath, method, response.status);
      expect(
        schemaErrors(schemaName, json),
        `${url} (${response.status}) against ${schemaName}`,
      ).toEqual([]);
      exercised.add(`${method.toUpperCase()} ${documentedPath} ${response.status}`);
      return { status: response.status, body: json, headers: response.headers };
    }

    let catalog: Catalog;

    beforeAll(() => backend.start());
    afterEach(() => {
      backend.faults.clearAll();
      backend.world.clock.apply({ action: 'live' });
    });
    afterAll(() => backend.stop());

    it('is an OpenAPI 3.1 document whose schemas compile', () => {
      expect(doc.openapi).toMatch(/^3\.1\./);
      for (const name of Object.keys(doc.components.schemas))
        expect(hasSchema(name), name).toBe(true);
    });

    it('rejects bodies that break the contract', () => {
      const valid = (name: string, body: unknown): boolean => schemaErrors(name, body).length === 0;
      const point = (coordinates: unknown) => ({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', id: 'a', geometry: { type: 'Point', coordinates }, properties: {} },
        ],
      });
      expect(valid('FeatureCollection', point([121.47, 31.23]))).toBe(true);
      expect(valid('FeatureCollection', point(['NaN', 31.23]))).toBe(false);
      expect(valid('FeatureCollection', point([190, 31.23]))).toBe(false);
      const state = (speed: unknown) => ({
        dataset: 'traffic.roads',
        observedAt: '2026-01-15T08:30:00+08:00',
        cadenceS: 10,
        ids: ['r-1-f'],
        columns: { speedKmh: [speed] },
      });
      expect(valid('LiveState', state(42.5))).toBe(true);
      expect(valid('LiveState', state(null))).toBe(true);
      expect(valid('LiveState', state('NaN'))).toBe(false);
      expect(valid('LiveState', { ...state(1), observedAt: 'yesterday' })).toBe(false);
      expect(valid('LiveState', { ...state(1), since: 'yesterday' })).toBe(false);
      expect(valid('Error', { error: { code: 'not_found', message: 'x' } })).toBe(true);
      expect(valid('Error', { error: { code: 'conflict', message: 'x' } })).toBe(true);
      const action = { actionId: 'tab-1_7', action: 'acknowledge', expectedVersion: 0 };
      expect(valid('AlarmActionRequest', action)).toBe(true);
      expect(valid('AlarmActionRequest', { ...action, actionId: 'a b' })).toBe(false);
      expect(valid('AlarmActionRequest', { ...action, expectedVersion: -1 })).toBe(false);
      expect(valid('AlarmActionRequest', { ...action, extra: 1 })).toBe(false);
      expect(valid('AlarmActionRequest', { ...action, action: 'dispatch' })).toBe(false);
      expect(
        valid('AlarmActionRequest', { ...action, action: 'dispatch', department: 'drainage' }),
      ).toBe(true);
      expect(valid('AlarmActionRequest', { ...action, action: 'note', note: ' ' })).toBe(false);
      expect(valid('AlarmActionRequest', { ...action, action: 'note', note: 'ok' })).toBe(true);
      expect(valid('Error', { message: 'x' })).toBe(false);
      expect(
        valid('Clock', {
          mode: 'live',
          time: '2026-01-15T08:30:00+08:00',
          speed: 0,
          controllable: true,
        }),
      ).toBe(false);
    });

    it('GET /catalog', async () => {
      const { status, body } = await call('/catalog', '/catalog');
      expect(status).toBe(200);
      expectZod(catalogSchema, body, 'catalog');
      catalog = catalogSchema.parse(body);
      expect(catalog.datasets.length).toBeGreaterThan(0);
    });

    it('GET /datasets/{datasetId}/features for every dataset', async () => {
      for (const dataset of catalog.datasets) {
        const { status, body } = await call(
          '/datasets/{datasetId}/features',
          `/datasets/${dataset.id}/features`,
        );
        expect(status, dataset.id).toBe(200);
        expectZod(featureCollectionSchema, body, dataset.id);
      }
    });

    it('GET /datasets/{datasetId}/features?bbox= returns the features in the box', async () => {
      const [west, south, east, north] = catalog.city.bbox;
      const box = [west, south, (west + east) / 2, (south + north) / 2];
      const all = (await call('/datasets/{datasetId}/features', '/datasets/fire.hydrants/features'))
        .body as FeatureCollection;
      const { status, body } = await call(
        '/datasets/{datasetId}/features',
        `/datasets/fire.hydrants/features?bbox=${box.join(',')}`,
      );
      expect(status).toBe(200);
      const inBox = featureCollectionSchema.parse(body).features;
      expect(inBox.length).toBeGreaterThan(0);
      expect(inBox.length).toBeLessThan(all.features.length);
      for (const feature of inBox) {
        const [lon, lat] =
          feature.geometry.type === 'Point' ? feature.geometry.coordinates : [NaN, NaN];
        expect(
          lon >= box[0]! && lon <= box[2]! && lat >= box[1]! && lat <= box[3]!,
          feature.id,
        ).toBe(true);
      }
    });

    it('GET /datasets/{datasetId}/features?at= for datasets whose features come and go', async () => {
      for (const dataset of catalog.datasets.filter((d) => d.geometryCadenceS !== null)) {
        const at = encodeURIComponent('2026-01-15T07:45:00+08:00');
        const { status, body } = await call(
          '/datasets/{datasetId}/features',
          `/datasets/${dataset.id}/features?at=${at}`,
        );
        expect(status, dataset.id).toBe(200);
        expectZod(featureCollectionSchema, body, dataset.id);
      }
    });

    it('GET /datasets/{datasetId}/state for every dataset with live state', async () => {
      for (const dataset of catalog.datasets.filter((d) => d.stateCadenceS !== null)) {
        const { status, body } = await call(
          '/datasets/{datasetId}/state',
          `/datasets/${dataset.id}/state`,
        );
        expect(status, dataset.id).toBe(200);
        expectZod(liveStateSchema, body, dataset.id);
        const state = liveStateSchema.parse(body);
        expect(state.dataset).toBe(dataset.id);
        expect(state.cadenceS).toBe(dataset.stateCadenceS);
        expect(Object.keys(state.columns).sort()).toEqual(
          dataset.stateFields.map((f) => f.key).sort(),
        );
        expect(state.observedAt).toBe('2026-01-15T08:30:00+08:00');
      }
    });

    it('GET /datasets/{datasetId}/state?at= answers the state at a past time', async () => {
      const at = encodeURIComponent('2026-01-15T07:12:34+08:00');
      const { status, body } = await call(
        '/datasets/{datasetId}/state',
        `/datasets/traffic.roads/state?at=${at}`,
      );
      expect(status).toBe(200);
      expectZod(liveStateSchema, body, 'history');
      expect(body).toMatchObject({ observedAt: '2026-01-15T07:12:30+08:00' });
      expect(body).not.toHaveProperty('since');
    });

    it('GET /datasets/{datasetId}/state?since= answers only the changed rows', async () => {
      const since = encodeURIComponent('2026-01-15T08:25:00+08:00');
      const full = liveStateSchema.parse(
        (await call('/datasets/{datasetId}/state', '/datasets/pipes.water/state')).body,
      );
      const { status, body } = await call(
        '/datasets/{datasetId}/state',
        `/datasets/pipes.water/state?since=${since}`,
      );
      expect(status).toBe(200);
      expectZod(liveStateSchema, body, 'delta');
      const delta = liveStateSchema.parse(body);
      expect(body).toMatchObject({
        since: '2026-01-15T08:25:00+08:00',
        observedAt: full.observedAt,
      });
      expect(delta.ids.length).toBeGreaterThan(0);
      expect(delta.ids.length).toBeLessThanOrEqual(full.ids.length);
      // Too old a base: the full state, without `since`.
      const old = encodeURIComponent('2026-01-13T08:25:00+08:00');
      const fallback = await call(
        '/datasets/{datasetId}/state',
        `/datasets/pipes.water/state?since=${old}`,
      );
      expect(fallback.body).not.toHaveProperty('since');
      expect((fallback.body as { ids: unknown[] }).ids).toHaveLength(full.ids.length);
    });

    it.each([
      ['at', '2026-01-15T09:30:00+08:00'],
      ['at', '2026-01-14T08:29:00+08:00'],
      ['at', 'yesterday'],
      ['since', '1700000000'],
    ])('answers 400 to state with %s=%s', async (name, value) => {
      const { status, body } = await call(
        '/datasets/{datasetId}/state',
        `/datasets/traffic.roads/state?${name}=${encodeURIComponent(value)}`,
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { code: 'bad_request' } });
    });

    it('GET /areas', async () => {
      const { status, body } = await call('/areas', '/areas');
      expect(status).toBe(200);
      expectZod(areasSchema, body, 'areas');
      const areas = areasSchema.parse(body);
      const levels = new Map(areas.features.map((f) => [String(f.id), f.properties.level]));
      const parentLevel = { district: null, subdistrict: 'district', grid: 'subdistrict' } as const;
      for (const area of areas.features) {
        if (area.properties.level === 'district') {
          expect(area.properties.parentId).toBe(catalog.city.id);
        } else if (area.properties.level !== 'city') {
          expect(levels.get(area.properties.parentId ?? '')).toBe(
            parentLevel[area.properties.level],
          );
        }
      }
      expect(new Set(levels.values())).toEqual(new Set(['district', 'subdistrict', 'grid']));
    });

    it('GET /basemap', async () => {
      const { status, body } = await call('/basemap', '/basemap');
      expect(status).toBe(200);
      expectZod(basemapSchema, body, 'basemap');
      const kinds = new Set(basemapSchema.parse(body).labels.map((label) => label.kind));
      expect([...kinds].sort()).toEqual(['district', 'place', 'road', 'water']);
    });

    it.each([
      'nonsense',
      '1,2,3',
      '1,2,3,4,5',
      'a,b,c,d',
      '121.5,31.2,121.4,31.3',
      '121.4,31.3,121.5,31.2',
      '0,-91,1,0',
      '',
    ])('answers 400 with an error body to bbox=%j', async (bbox) => {
      const { status, body } = await call(
        '/datasets/{datasetId}/features',
        `/datasets/traffic.roads/features?bbox=${bbox}`,
      );
      expect(status).toBe(400);
      expect(body).toMatchObject({ error: { code: 'bad_request' } });
    });

    it('answers 404 for an unknown dataset and for the state of a dataset without one', async () => {
      const features = await call('/datasets/{datasetId}/features', '/datasets/no.such/features');
      expect(features.status).toBe(404);
      expect(features.body).toMatchObject({ error: { code: 'not_found' } });
      const state = await call('/datasets/{datasetId}/state', '/datasets/no.such/state');
      expect(state.status).toBe(404);
      const stateless = await call('/datasets/{datasetId}/state', '/datasets/fire.alarms/state');
      expect(stateless.status).toBe(404);
      expect(stateless.body).toMatchObject({ error: { code: 'no_live_state' } });
    });

    it('GET /alarms lists open and recently cleared alarms, filtered', async () => {
      const all = await call('/alarms', '/alarms');
      expect(all.status).toBe(200);
      const list = all.body as {
        observedAt: string;
        alarms: { id: string; status: string; domain: string }[];
      };
      expect(list.observedAt).toBe('2026-01-15T08:30:00+08:00');
      expect(list.alarms.length).toBeGreaterThan(0);
      const open = (await call('/alarms', '/alarms?status=open')).body as typeof list;
      expect(open.alarms.every((a) => a.status === 'open')).toBe(true);
      const pipes = (await call('/alarms', '/alarms?domain=pipes&status=all')).body as typeof list;
      expect(pipes.alarms.every((a) => a.domain === 'pipes')).toBe(true);
      const past = await call(
        '/alarms',
        `/alarms?at=${encodeURIComponent('2026-01-15T06:00:00+08:00')}`,
      );
      expect((past.body as typeof list).observedAt).toBe('2026-01-15T06:00:00+08:00');
      expect((await call('/alarms', '/alarms?status=maybe')).status).toBe(400);
      expect((await call('/alarms', '/alarms?at=2026-01-16T06:00:00%2B08:00')).status).toBe(400);
    });

    it('GET /alarms/{alarmId}', async () => {
      const list = (await call('/alarms', '/alarms')).body as { alarms: { id: string }[] };
      const id = list.alarms[0]!.id;
      const one = await call('/alarms/{alarmId}', `/alarms/${id}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual(list.alarms[0]);
      const missing = await call('/alarms/{alarmId}', '/alarms/al-nope');
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: { code: 'not_found' } });
      expect((await call('/alarms/{alarmId}', `/alarms/${id}?at=soon`)).status).toBe(400);
    });

    it('POST /alarms/{alarmId}/actions', async () => {
      const list = (await call('/alarms', '/alarms')).body as { alarms: { id: string }[] };
      const id = list.alarms.at(-1)!.id;
      const path = '/alarms/{alarmId}/actions';
      const url = `/alarms/${id}/actions`;
      const post = (body: unknown, base?: string) =>
        call(path, url, { method: 'post', body, ...(base ? { base } : {}) });
      const ack = { actionId: 'conformance-1', action: 'acknowledge', expectedVersion: 0 };
      const acknowledged = await post({ ...ack, operator: 'Conformance' });
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body).toMatchObject({
        id,
        lifecycle: { step: 'acknowledged', version: 1, stepSince: '2026-01-15T08:30:00+08:00' },
      });
      const dispatched = await post({
        actionId: 'conformance-2',
        action: 'dispatch',
        expectedVersion: 1,
        department: 'drainage',
        assignee: 'Crew 3',
      });
      expect(dispatched.status).toBe(200);
      expect(dispatched.body).toMatchObject({
        lifecycle: { step: 'dispatched', version: 2, department: 'drainage', assignee: 'Crew 3' },
      });
      // Any screen may act, demo mode or not; a note changes neither step nor version.
      const noted = await post(
        { actionId: 'conformance-3', action: 'note', expectedVersion: 0, note: 'on the way' },
        backend.readOnlyBaseUrl,
      );
      expect(noted.status).toBe(200);
      expect(noted.body).toMatchObject({ lifecycle: { step: 'dispatched', version: 2 } });
      expect((await call('/alarms/{alarmId}', `/alarms/${id}`)).body).toEqual(noted.body);
      // A retry is not applied again: the alarm as it stands.
      const repeated = await post(ack);
      expect(repeated.status).toBe(200);
      expect(repeated.body).toEqual(noted.body);
      const stale = await post({ ...ack, actionId: 'conformance-4' });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({
        error: { code: 'conflict', message: expect.stringContaining('dispatched to drainage') },
        alarm: noted.body,
      });
      const bad = await post({ ...ack, actionId: 'conformance 5' });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'bad_request' } });
      const missing = await call(path, '/alarms/al-nope/actions', { method: 'post', body: ack });
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ error: { code: 'not_found' } });
    });

    it('GET /stream sends the clock, states and alarms as server-sent events', async () => {
      const aborter = new AbortController();
      const response = await fetch(`${backend.baseUrl}/stream?datasets=pipes.water,fire.hydrants`, {
        headers: { Accept: 'text/event-stream' },
        signal: aborter.signal,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(
        documentedResponse('/stream', 'get', 200).content?.['text/event-stream'],
      ).toBeDefined();
      // An operator acting on an alarm sends an `alarm` event to every screen.
      let acted = false;
      const events = await readEvents(
        response,
        (seen) =>
          seen.filter((e) => e.event === 'state').length >= 2 &&
          seen.some((e) => e.event === 'alarms') &&
          seen.some((e) => e.event === 'alarm'),
        {
          onEvent: (event) => {
            if (event.event !== 'alarms' || acted) return;
            acted = true;
            const { alarms } = JSON.parse(event.data) as { alarms: { id: string }[] };
            void fetch(`${backend.baseUrl}/alarms/${alarms[0]!.id}/actions`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({
                actionId: 'conformance-stream',
                action: 'note',
                expectedVersion: 0,
                note: 'seen on the stream',
              }),
            });
          },
        },
      );
      aborter.abort();
      const schemaOf: Record<string, string> = {
        clock: 'Clock',
        state: 'LiveState',
        alarms: 'AlarmList',
        alarm: 'Alarm',
      };
      expect(events[0]?.event).toBe('clock');
      for (const event of events) {
        const name = schemaOf[event.event];
        expect(name, event.event).toBeDefined();
        expect(schemaErrors(name!, JSON.parse(event.data)), event.event).toEqual([]);
      }
      expect(
        events
          .filter((e) => e.event === 'state')
          .map((e) => (JSON.parse(e.data) as { dataset: string }).dataset)
          .sort(),
      ).toEqual(['fire.hydrants', 'pipes.water']);
      exercised.add('GET /stream 200');
      const bad = await call('/stream', '/stream?datasets=fire.alarms');
      expect(bad.status).toBe(400);
    });

    it('GET and POST /clock', async () => {
      const clock = await call('/clock', '/clock');
      expect(clock.body).toEqual({
        mode: 'live',
        time: '2026-01-15T08:30:00+08:00',
        speed: 1,
        controllable: true,
      });
      const fast = await call('/clock', '/clock', {
        method: 'post',
        body: { action: 'speed', speed: 600 },
      });
      expect(fast.body).toMatchObject({ mode: 'running', speed: 600 });
      const jumped = await call('/clock', '/clock', {
        method: 'post',
        body: { action: 'jump', time: '2026-01-15T07:00:00+08:00' },
      });
      expect(jumped.body).toMatchObject({ mode: 'running', time: '2026-01-15T07:00:00+08:00' });
      const state = await call(
        '/datasets/{datasetId}/state',
        `/datasets/pipes.water/state?at=${encodeURIComponent('2026-01-15T06:59:00+08:00')}`,
      );
      expect(state.status).toBe(200);
      for (const body of [
        { action: 'speed', speed: 0 },
        { action: 'jump', time: 'soon' },
        { action: 'rewind' },
        [1],
      ])
        expect((await call('/clock', '/clock', { method: 'post', body })).status).toBe(400);
      const readOnly = await call('/clock', '/clock', {
        method: 'post',
        body: { action: 'pause' },
        base: backend.readOnlyBaseUrl,
      });
      expect(readOnly.status).toBe(403);
      expect(readOnly.body).toMatchObject({ error: { code: 'forbidden' } });
      const live = await call('/clock', '/clock', { method: 'post', body: { action: 'live' } });
      expect(live.body).toMatchObject({ mode: 'live', time: '2026-01-15T08:30:00+08:00' });
    });

    it('GET /scenarios and POST /scenarios/{scenarioId}/runs', async () => {
      const list = await call('/scenarios', '/scenarios');
      const ids = (list.body as { scenarios: { id: string }[] }).scenarios.map((s) => s.id);
      expect(ids.sort()).toEqual([
        'festival-crowd',
        'high-rise-fire',
        'rainstorm',
        'storm-night',
        'water-main-burst',
      ]);
      const later = '2026-01-15T10:00:00+08:00';
      const run = await call('/scenarios/{scenarioId}/runs', '/scenarios/festival-crowd/runs', {
        method: 'post',
        body: { at: later },
      });
      expect(run.status).toBe(201);
      expect(run.body).toMatchObject({
        scenarioId: 'festival-crowd',
        startAt: later,
        status: 'scheduled',
      });
      const runs = (await call('/scenarios', '/scenarios')).body as { runs: unknown[] };
      expect(runs.runs).toContainEqual(run.body);
      const path = '/scenarios/{scenarioId}/runs';
      expect(
        (await call(path, '/scenarios/alien-invasion/runs', { method: 'post', body: {} })).status,
      ).toBe(404);
      expect(
        (
          await call(path, '/scenarios/rainstorm/runs', {
            method: 'post',
            body: { at: '2026-01-15T08:00:00+08:00' },
          })
        ).status,
      ).toBe(400);
      expect(
        (await call(path, '/scenarios/rainstorm/runs', { method: 'post', body: { at: 5 } })).status,
      ).toBe(400);
      expect(
        (
          await call(path, '/scenarios/rainstorm/runs', {
            method: 'post',
            body: {},
            base: backend.readOnlyBaseUrl,
          })
        ).status,
      ).toBe(403);
    });

    it('answers 500 with an error body when the backend fails', async () => {
      backend.faults.parse(
        'catalog:500,areas:500,basemap:500,traffic.roads:500,alarms:500,clock:500,scenarios:500,stream:500',
      );
      for (const [path, url, method] of [
        ['/catalog', '/catalog', 'get'],
        ['/areas', '/areas', 'get'],
        ['/basemap', '/basemap', 'get'],
        ['/datasets/{datasetId}/features', '/datasets/traffic.roads/features', 'get'],
        ['/datasets/{datasetId}/state', '/datasets/traffic.roads/state', 'get'],
        ['/alarms', '/alarms', 'get'],
        ['/alarms/{alarmId}', '/alarms/al-1', 'get'],
        ['/alarms/{alarmId}/actions', '/alarms/al-1/actions', 'post'],
        ['/stream', '/stream', 'get'],
        ['/clock', '/clock', 'get'],
        ['/clock', '/clock', 'post'],
        ['/scenarios', '/scenarios', 'get'],
        ['/scenarios/{scenarioId}/runs', '/scenarios/rainstorm/runs', 'post'],
      ] as const) {
        const { status, body } = await call(path, url, {
          method,
          ...(method === 'post' ? { body: {} } : {}),
        });
        expect(status, url).toBe(500);
        expect(body).toMatchObject({ error: { code: 'internal' } });
      }
    });

    it('has exercised every documented operation and status', () => {
      expect([...exercised].sort()).toEqual(documentedOperations().sort());
    });
  },
);
