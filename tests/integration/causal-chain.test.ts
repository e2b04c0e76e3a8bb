/**
 * One causal chain through the whole backend, as a presenter would show it: a water main bursts
 * (POST /scenarios/water-main-burst/runs), the clock moves on (POST /clock), and the city reacts
 * through the API: the water utility gets an alarm, pressure drops on the main, water fills the
 * drains and the street, traffic on the street slows; once the valves are shut the pressure
 * alarm clears.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveStateSchema, type LiveState } from '../../src/data/schemas';
import { createMockServer } from '../../mocks/node';
import type { Alarm } from '../../mocks/sim/engine/alarm-engine';

const BASE_URL = 'http://cityops.test/api/v1';
/** A quiet night: nothing else moves the pressure or the traffic much. */
const NOW = Date.parse('2026-01-15T02:30:00+08:00');
const MINUTE = 60_000;

const { server, world, city } = createMockServer({
  baseUrl: BASE_URL,
  seed: 42,
  scale: 'town',
  now: () => NOW,
});
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

async function post<T>(path: string, body: unknown, status = 200): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, path).toBe(status);
  return (await response.json()) as T;
}

const jumpTo = (minutes: number): Promise<unknown> =>
  post('/clock', { action: 'jump', time: new Date(NOW + minutes * MINUTE).toISOString() });

async function state(datasetId: string): Promise<LiveState> {
  return liveStateSchema.parse(await get(`/datasets/${datasetId}/state`));
}

function value(live: LiveState, column: string, id: string): number | null {
  const index = live.ids.indexOf(id);
  expect(index, id).toBeGreaterThanOrEqual(0);
  return live.columns[column]![index] ?? null;
}

describe('a water main burst, through the API', () => {
  let burstPipe: string;
  let valvesShutMs: number;
  let pressureAlarm: Alarm;

  it('starts the scenario now', async () => {
    const run = await post<{ runId: string; startAt: string }>(
      '/scenarios/water-main-burst/runs',
      {},
      201,
    );
    expect(Date.parse(run.startAt)).toBe(NOW);
    // Which main burst and when the valves close: the run's events (the same on every screen).
    const events = world.log.runEvents(run.runId);
    burstPipe = events.find((e) => e.kind === 'water-burst')!.target;
    valvesShutMs = Math.max(
      ...events.filter((e) => e.kind === 'valve-close').map((e) => e.startMs),
    );
    expect(valvesShutMs).toBeGreaterThan(NOW);
  });

  it('eight minutes later: alarms, low pressure, a flooded street and slow traffic', async () => {
    await jumpTo(8);
    const { alarms } = await get<{ alarms: Alarm[] }>('/alarms?domain=pipes&status=open');
    const water = alarms.filter(
      (a) => a.department === 'water-utility' && a.featureIds.includes(burstPipe),
    );
    expect(water).toHaveLength(1);
    pressureAlarm = water[0]!;
    expect(pressureAlarm).toMatchObject({ datasetId: 'pipes.water', status: 'open', unit: 'kPa' });
    expect(Date.parse(pressureAlarm.raisedAt)).toBeGreaterThan(NOW);

    expect(value(await state('pipes.water'), 'pressureKpa', burstPipe)).toBeLessThan(180);

    const pipe = city.pipes.find((p) => p.id === burstPipe)!;
    const drain = city.pipes.find((p) => p.network === 'drainage' && p.edgeId === pipe.edgeId)!;
    expect(value(await state('pipes.drainage'), 'fillRatio', drain.id)).toBeGreaterThanOrEqual(0.9);
    expect(alarms.some((a) => a.department === 'drainage' && a.featureIds.includes(drain.id))).toBe(
      true,
    );

    const roads = await state('traffic.roads');
    const street = city.roadSegments.filter((s) => s.edgeId === pipe.edgeId);
    expect(street.length).toBeGreaterThan(0);
    for (const segment of street) {
      const speed = value(roads, 'speedKmh', segment.id);
      if (speed !== null) expect(speed, segment.id).toBeLessThan(0.5 * segment.freeFlowKmh);
    }
  });

  it('once the valves are shut, the pressure alarm clears (same id)', async () => {
    await jumpTo((valvesShutMs - NOW) / MINUTE + 4);
    const nodes = await state('pipes.nodes');
    const closed = world.log
      .events()
      .filter((e) => e.kind === 'valve-close')
      .map((e) => value(nodes, 'open', e.target));
    expect(closed.every((open) => open === 0)).toBe(true);
    const alarm = await get<Alarm>(`/alarms/${pressureAlarm.id}`);
    expect(alarm).toMatchObject({ id: pressureAlarm.id, status: 'cleared' });
    expect(Date.parse(alarm.clearedAt!)).toBeGreaterThan(valvesShutMs);
    const { alarms } = await get<{ alarms: Alarm[] }>('/alarms?status=open');
    expect(alarms.map((a) => a.id)).not.toContain(pressureAlarm.id);
  });
});
