/**
 * The http adapter against msw/node: the happy path, and every way a source can fail or lie.
 * Each failure must become one AdapterError of the right kind, never a crash or garbage data.
 */
import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHttpAdapter } from '../../src/data/http-adapter';
import { adapterFailure } from '../helpers/adapter-failure';

const BASE = 'http://source.test/api/v1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const adapter = createHttpAdapter({ baseUrl: `${BASE}/`, timeoutMs: 1_000, now: () => 1_000 });

const road = (id: string, name: unknown, coordinates: unknown) => ({
  type: 'Feature',
  id,
  geometry: { type: 'LineString', coordinates },
  properties: { name, roadClass: 'arterial' },
});

const goodState = {
  dataset: 'traffic.roads',
  observedAt: '2026-01-15T08:30:00+08:00',
  cadenceS: 10,
  ids: ['a', 'b'],
  columns: { speedKmh: [40, null] },
};

/** A JSON answer sent in parts, `gapMs` apart; 'then nothing': the first part, then silence. */
function trickle(parts: readonly string[], gapMs: number | 'then nothing'): HttpResponse<BodyInit> {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for (const [i, part] of parts.entries()) {
        if (i > 0 && gapMs !== 'then nothing') await delay(gapMs);
        controller.enqueue(encoder.encode(part));
      }
      if (gapMs === 'then nothing') return;
      controller.close();
    },
  });
  return new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } });
}

function serve(path: string, resolver: Parameters<typeof http.get>[1]) {
  server.use(http.get(`${BASE}${path}`, resolver));
}

describe('http adapter: valid responses', () => {
  it('reads geometry, coercing numeric ids to strings, and passes the bbox', async () => {
    let seenBbox: string | null = null;
    serve('/datasets/traffic.roads/features', ({ request }) => {
      seenBbox = new URL(request.url).searchParams.get('bbox');
      return HttpResponse.json({
        type: 'FeatureCollection',
        features: [
          road('a', { zh: '人民路', en: 'Renmin Rd' }, [
            [121.4, 31.2],
            [121.41, 31.21],
          ]),
          {
            ...road('x', 'Main', [
              [121.4, 31.2],
              [121.5, 31.3],
            ]),
            id: 7,
          },
        ],
      });
    });
    const result = await adapter.getGeometry('traffic.roads', { bbox: [121, 31, 122, 32] });
    expect(seenBbox).toBe('121,31,122,32');
    expect(result.fetchedAt).toBe(1_000);
    expect([0, 1].map((index) => result.data.id(index))).toEqual(['a', '7']);
    expect(result.data.length).toBe(2);
  });

  it('reads live state columns into typed arrays, NaN for missing readings', async () => {
    serve('/datasets/traffic.roads/state', () => HttpResponse.json(goodState));
    const result = await adapter.getLiveState('traffic.roads');
    expect(result.data.columns.speedKmh).toBeInstanceOf(Float64Array);
    expect([...(result.data.columns.speedKmh as Float64Array)]).toEqual([40, Number.NaN]);
  });

  it('reads the past: `at` goes to state, dynamic geometry and alarms as one ISO time', async () => {
    const seen: Record<string, string | null> = {};
    const at = '2026-01-15T00:30:00.000Z';
    const record =
      (name: string, body: Record<string, unknown>) =>
      ({ request }: { request: Request }) => {
        seen[name] = new URL(request.url).searchParams.get('at');
        return HttpResponse.json(body);
      };
    serve('/datasets/traffic.roads/state', record('state', goodState));
    serve(
      '/datasets/fire.alarms/features',
      record('features', { type: 'FeatureCollection', features: [] }),
    );
    serve(
      '/alarms',
      record('alarms', { observedAt: goodState.observedAt, cadenceS: 60, alarms: [] }),
    );
    await adapter.getLiveState('traffic.roads', { at });
    await adapter.getGeometry('fire.alarms', { at });
    await adapter.getAlarms({ at });
    expect(seen).toEqual({ state: at, features: at, alarms: at });
    await adapter.getLiveState('traffic.roads');
    expect(seen.state).toBeNull();
  });

  it('keeps HTML in names as plain text (it is data, not markup)', async () => {
    const name = { zh: '<img src=x onerror=alert(1)>', en: '<script>alert(1)</script>' };
    serve('/datasets/traffic.roads/features', () =>
      HttpResponse.json({
        type: 'FeatureCollection',
        features: [
          road('a', name, [
            [121.4, 31.2],
            [121.41, 31.21],
          ]),
        ],
      }),
    );
    const result = await adapter.getGeometry('traffic.roads');
    expect(result.data.feature(0).properties.name).toEqual(name);
  });
});

describe('http adapter: bad input becomes a typed error', () => {
  it('HTTP 500 → kind http with the status and the source message', async () => {
    serve('/datasets/fire.hydrants/state', () =>
      HttpResponse.json({ error: { code: 'internal', message: 'database down' } }, { status: 500 }),
    );
    const error = await adapterFailure(adapter.getLiveState('fire.hydrants'));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(500);
    expect(error.resource).toBe('fire.hydrants');
    expect(error.message).toContain('database down');
  });

  it('a source that never answers → kind timeout', async () => {
    serve('/catalog', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const error = await adapterFailure(adapter.getCatalog());
    expect(error.kind).toBe('timeout');
  });

  it('an answer still arriving after the timeout is read whole, not given up on', async () => {
    // Its parts 0.4 s apart, 2.4 s in all: more than the 1 s timeout, but never quiet that long.
    const text = JSON.stringify(goodState);
    const parts = 6;
    const size = Math.ceil(text.length / parts);
    serve('/datasets/traffic.roads/state', () =>
      trickle(
        Array.from({ length: parts }, (_, i) => text.slice(i * size, (i + 1) * size)),
        400,
      ),
    );
    const state = await adapter.getLiveState('traffic.roads');
    expect([...(state.data.columns.speedKmh as Float64Array)]).toEqual([40, Number.NaN]);
  });

  it('an answer that stops arriving, or trickles on, → kind timeout after ten timeouts', async () => {
    // Begun within the timeout, but never complete: a byte every half second, without end.
    serve('/datasets/traffic.roads/state', () =>
      trickle(
        Array.from({ length: 40 }, () => ' '),
        500,
      ),
    );
    serve('/datasets/pipes.water/state', () => trickle(['{"dataset":'], 'then nothing'));
    const [trickling, stopped] = await Promise.all([
      adapterFailure(adapter.getLiveState('traffic.roads')),
      adapterFailure(adapter.getLiveState('pipes.water')),
    ]);
    for (const error of [trickling, stopped]) {
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('answer not complete within 10 s');
    }
  }, 20_000);

  it('the caller aborting → kind aborted, not a source failure', async () => {
    serve('/catalog', async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const controller = new AbortController();
    const pending = adapter.getCatalog({ signal: controller.signal });
    controller.abort();
    expect((await adapterFailure(pending)).kind).toBe('aborted');
  });

  it('unreachable source → kind network', async () => {
    serve('/areas', () => HttpResponse.error());
    expect((await adapterFailure(adapter.getAreas())).kind).toBe('network');
  });

  it('a body that is not JSON → kind invalid-response', async () => {
    serve(
      '/datasets/traffic.roads/state',
      () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 200 }),
    );
    expect((await adapterFailure(adapter.getLiveState('traffic.roads'))).kind).toBe(
      'invalid-response',
    );
  });

  const hostileCases: Array<[string, Record<string, unknown>]> = [
    ['wrong types', { ...goodState, ids: 'a,b' }],
    ['NaN as a string', { ...goodState, columns: { speedKmh: ['NaN', 3] } }],
    ['column length mismatch', { ...goodState, columns: { speedKmh: [1] } }],
    ['not a date', { ...goodState, observedAt: 'yesterday' }],
  ];
  it.each(hostileCases)(
    'live state with %s → invalid-response naming where',
    async (_name, body) => {
      serve('/datasets/traffic.roads/state', () => HttpResponse.json(body));
      const error = await adapterFailure(adapter.getLiveState('traffic.roads'));
      expect(error.kind).toBe('invalid-response');
      expect(error.message).toMatch(/invalid data: .+ at /);
    },
  );

  const hostileGeometry: Array<[string, unknown]> = [
    [
      'coordinates out of range',
      [
        road('a', 'x', [
          [500, 31],
          [121, 31],
        ]),
      ],
    ],
    [
      'a megabyte-long name',
      [
        road('a', { zh: 'x'.repeat(1_000_000), en: 'x' }, [
          [121, 31],
          [121.1, 31],
        ]),
      ],
    ],
    ['a point as coordinates', [road('a', 'x', [121, 31])]],
  ];
  it.each(hostileGeometry)('geometry with %s → invalid-response', async (_name, features) => {
    serve('/datasets/traffic.roads/features', () =>
      HttpResponse.json({ type: 'FeatureCollection', features }),
    );
    const error = await adapterFailure(adapter.getGeometry('traffic.roads'));
    expect(error.kind).toBe('invalid-response');
    expect(error.message.length).toBeLessThan(400);
  });

  it('infinite coordinates (1e999 in the body parses as Infinity) → invalid-response', async () => {
    const feature = JSON.stringify(
      road('a', 'x', [
        [0, 31],
        [121, 31],
      ]),
    ).replace('[0,31]', '[1e999,31]');
    serve(
      '/datasets/traffic.roads/features',
      () =>
        new HttpResponse(`{"type":"FeatureCollection","features":[${feature}]}`, {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    expect((await adapterFailure(adapter.getGeometry('traffic.roads'))).kind).toBe(
      'invalid-response',
    );
  });

  it('a raw NaN token in the body (not JSON) → invalid-response', async () => {
    serve(
      '/datasets/traffic.roads/state',
      () =>
        new HttpResponse('{"dataset":"traffic.roads","ids":["a"],"columns":{"speedKmh":[NaN]}}', {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    expect((await adapterFailure(adapter.getLiveState('traffic.roads'))).kind).toBe(
      'invalid-response',
    );
  });
});

describe('http adapter: demo controls', () => {
  const clock = {
    mode: 'running',
    time: '2026-01-15T08:00:00+08:00',
    speed: 60,
    controllable: true,
  };
  it('posts clock actions as JSON and reads the clock back', async () => {
    let body: unknown = null;
    server.use(
      http.post(`${BASE}/clock`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(clock);
      }),
    );
    await expect(adapter.controlClock({ action: 'speed', speed: 60 })).resolves.toEqual(clock);
    expect(body).toEqual({ action: 'speed', speed: 60 });
  });
  it('triggers a scenario and reports a refusal with its status', async () => {
    server.use(
      http.post(`${BASE}/scenarios/rainstorm/runs`, () =>
        HttpResponse.json(
          { error: { code: 'forbidden', message: 'demo mode only' } },
          { status: 403 },
        ),
      ),
    );
    const error = await adapterFailure(adapter.triggerScenario('rainstorm'));
    expect(error).toMatchObject({ kind: 'http', status: 403 });
    expect(error.message).toContain('demo mode only');
  });
});
