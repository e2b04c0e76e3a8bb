/**
 * GET /stream as a screen uses it (on the standalone server): the first state of a dataset in
 * full, then deltas with only the changed rows as time moves, a `clock` event when the clock
 * changes, and `alarm` events as alarms are raised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveStateSchema } from '../../src/data/schemas';
import { startStandaloneServer, type StandaloneServer } from '../../mocks/server/standalone-server';
import { createWorld } from '../../mocks/sim/engine/world';
import { readEvents, type SseEvent } from './sse';

const NOW = Date.parse('2026-01-15T02:30:00+08:00');
const MINUTE = 60_000;

/** Wall time, moved by the tests: live simulated time follows it without any clock event. */
let wall = NOW;
let server: StandaloneServer;
beforeAll(async () => {
  const world = createWorld({ seed: 42, scale: 'town', wallNow: () => wall });
  server = await startStandaloneServer({ seed: 42, scale: 'town', port: 0, world });
});
afterAll(() => server.close());

const parsed = (event: SseEvent): Record<string, unknown> =>
  JSON.parse(event.data) as Record<string, unknown>;

describe('GET /stream', () => {
  it(
    'sends the full state first, then only the rows that changed',
    { timeout: 20_000 },
    async () => {
      const { world } = server;
      const response = await fetch(`${server.apiBaseUrl}/stream?datasets=pipes.water`);
      let moved = false;
      const events = await readEvents(
        response,
        (seen) => seen.filter((e) => e.event === 'state').length >= 2,
        {
          onEvent: (event) => {
            // After the first state, move the clock on by a minute.
            if (event.event === 'state' && !moved) {
              moved = true;
              world.clock.apply({ action: 'jump', time: NOW + MINUTE });
            }
          },
        },
      );
      const states = events
        .filter((e) => e.event === 'state')
        .map((e) => liveStateSchema.parse(parsed(e)));
      expect(states).toHaveLength(2);
      const [full, delta] = states as [(typeof states)[0], (typeof states)[0]];
      expect(parsed(events.find((e) => e.event === 'state')!)).not.toHaveProperty('since');
      expect(full.observedAt).toBe('2026-01-15T02:30:00+08:00');
      expect(delta.observedAt).toBe('2026-01-15T02:31:00+08:00');
      expect(parsed(events.filter((e) => e.event === 'state')[1]!)).toMatchObject({
        since: full.observedAt,
      });
      expect(delta.ids.length).toBeGreaterThan(0);
      expect(delta.ids.length).toBeLessThan(full.ids.length);
      // Exactly the rows that differ from the state the screen had.
      const now = world.simulation.liveState('pipes.water', NOW + MINUTE);
      const before = new Map(full.ids.map((id, i) => [id, full.columns.pressureKpa![i]]));
      const changed = now.ids.filter((id, i) => before.get(id) !== now.columns.pressureKpa![i]);
      expect(delta.ids).toEqual(changed);
      expect(events.filter((e) => e.event === 'clock').map((e) => parsed(e).mode)).toEqual([
        'live',
        'running',
      ]);
      world.clock.apply({ action: 'live' });
    },
  );

  it('sends an alarm event when a scenario raises one', { timeout: 20_000 }, async () => {
    const { world } = server;
    const response = await fetch(`${server.apiBaseUrl}/stream?datasets=pipes.water`);
    let started = false;
    const events = await readEvents(
      response,
      (seen) => seen.some((e) => e.event === 'alarm' && parsed(e).department === 'water-utility'),
      {
        onEvent: (event) => {
          if (event.event === 'alarms' && !started) {
            started = true;
            world.log.startRun('water-main-burst', NOW);
            // Live time moves on (a clock change would send the whole list again instead).
            wall = NOW + 3 * MINUTE;
          }
        },
      },
    );
    const alarm = events.find(
      (e) => e.event === 'alarm' && parsed(e).department === 'water-utility',
    );
    expect(alarm && parsed(alarm)).toMatchObject({ status: 'open', datasetId: 'pipes.water' });
  });

  it('with snapshot=false, starts with the first change instead of the full state', async () => {
    const { world } = server;
    const response = await fetch(
      `${server.apiBaseUrl}/stream?datasets=fire.hydrants&snapshot=false`,
    );
    let moved = false;
    const events = await readEvents(response, (seen) => seen.some((e) => e.event === 'state'), {
      onEvent: (event) => {
        if (event.event === 'clock' && !moved) {
          moved = true;
          world.clock.apply({ action: 'jump', time: wall + 5 * MINUTE });
        }
      },
    });
    // Nothing but the clock until the clock changes (which sends the alarm list again).
    const changed = events.findIndex((e, i) => i > 0 && e.event === 'clock');
    expect(events.slice(0, changed).map((e) => e.event)).toEqual(['clock']);
    const state = parsed(events.find((e) => e.event === 'state')!);
    expect(state).toHaveProperty('since');
    world.clock.apply({ action: 'live' });
  });
});
