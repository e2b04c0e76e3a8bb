/**
 * Alarms whose condition holds for longer than the alarm engine's window: they keep their id
 * (operators act on alarms by id) from raise to clear, whatever was evaluated before, up to the
 * documented stop of the trace at local midnight.
 */
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { alarmId, ALARM_WINDOW_MS } from '../../../mocks/sim/engine/alarm-engine';
import { createClock } from '../../../mocks/sim/engine/clock';
import { createEventLog } from '../../../mocks/sim/engine/event-log';
import { createSimulation, type Simulation } from '../../../mocks/sim/engine/simulation';
import type { AlarmRule } from '../../../mocks/sim/types';
import { scriptedReadings } from './engine-stubs';

const town = generateCity({ seed: 42, scale: 'town' });
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const T0 = Date.parse('2026-01-15T08:00:00+08:00');
const RULE: AlarmRule = { id: 'low-pressure', raiseHoldS: 120, clearHoldS: 180, clearBelow: 0.8 };

function scripted(
  script: (minute: number) => number | null,
  counter?: { calls: number },
): Simulation {
  const model = scriptedReadings(RULE, (t) => {
    if (counter) counter.calls++;
    return script(Math.floor((t - T0) / MINUTE));
  });
  return createSimulation({
    city: town,
    models: [model],
    log: createEventLog({ city: town, scenarios: [] }),
    clock: createClock({ wallNow: () => T0 }),
  });
}

const at = (minute: number): number => T0 + minute * MINUTE;

/** Held from 08:10 for eight and a half hours (raised at 08:12), then normal. */
const LONG = (m: number): number | null => (m >= 10 && m < 10 + 510 ? 1.3 : null);
const LONG_ID = alarmId('stub:1', at(12));

describe('alarms held for longer than the window', () => {
  it('keep their id every minute from raise to clear, in live order', () => {
    const sim = scripted(LONG);
    for (let m = 12; m < 520; m++) {
      const { open } = sim.alarms(at(m));
      expect(
        open.map((alarm) => alarm.id),
        `minute ${m}`,
      ).toEqual([LONG_ID]);
      expect(open[0]!.raisedAt).toBe('2026-01-15T08:12:00+08:00');
    }
    // Cleared after the clear hold, still under the same id.
    const { open, cleared } = sim.alarms(at(525));
    expect(open).toEqual([]);
    expect(cleared.map((alarm) => alarm.id)).toEqual([LONG_ID]);
    expect(cleared[0]).toMatchObject({
      raisedAt: '2026-01-15T08:12:00+08:00',
      clearedAt: '2026-01-15T16:43:00+08:00',
    });
  });

  it('give the same id when asked cold, hours after the raise', () => {
    for (const hours of [3.5, 4, 6, 7.25, 8.4]) {
      const [alarm] = scripted(LONG).alarms(at(hours * 60)).open;
      expect(alarm?.id, `${hours} h`).toBe(LONG_ID);
    }
  });

  it('give the same answers whatever was evaluated before', () => {
    const target = at(7 * 60 + 13);
    const direct = scripted(LONG).alarms(target);
    const wandering = scripted(LONG);
    for (const m of [500, 30, 400, 240, 241, 239, 700, 433]) wandering.alarms(at(m));
    expect(JSON.stringify(wandering.alarms(target))).toBe(JSON.stringify(direct));
  });

  it('trace back only while something is held at a window start', () => {
    // Quiet: one window of readings, as before the trace existed.
    const quiet = { calls: 0 };
    scripted(() => null, quiet).alarms(at(6 * 60));
    expect(quiet.calls).toBeLessThanOrEqual((ALARM_WINDOW_MS + HOUR) / MINUTE + 1);
    // Held for hours: the windows before are stepped too, about an hour of steps per hour.
    const held = { calls: 0 };
    scripted(LONG, held).alarms(at(8 * 60));
    expect(held.calls).toBeGreaterThan(quiet.calls + 3 * 60);
    expect(held.calls).toBeLessThanOrEqual(8 * 60 + 5);
  });

  it('keep separate ids for separate episodes of the same condition', () => {
    // Held 5 hours, normal for an hour, held again.
    const twice = (m: number): number | null =>
      (m >= 10 && m < 310) || (m >= 370 && m < 600) ? 1.3 : null;
    const sim = scripted(twice);
    const first = sim.alarms(at(300)).open[0]!;
    const second = sim.alarms(at(590)).open[0]!;
    expect(first.id).toBe(LONG_ID);
    expect(second.id).toBe(alarmId('stub:1', at(372)));
  });

  it('get a new id once when held across local midnight (the trace stops there)', () => {
    // Held from 22:00 to 06:00 the next day.
    const overnight = (m: number): number | null => (m >= 14 * 60 && m < 22 * 60 ? 1.3 : null);
    const sim = scripted(overnight);
    const ids = new Set<string>();
    for (let m = 14 * 60 + 2; m < 22 * 60; m += 7) ids.add(sim.alarms(at(m)).open[0]!.id);
    expect([...ids]).toEqual([
      alarmId('stub:1', at(14 * 60 + 2)),
      alarmId('stub:1', at(16 * 60 + 2)),
    ]);
    // The second one starts when windows start after midnight, three hours later.
    expect(sim.alarms(at(19 * 60) - MINUTE).open[0]!.raisedAt).toBe('2026-01-15T22:02:00+08:00');
    expect(sim.alarms(at(19 * 60)).open[0]!.raisedAt).toBe('2026-01-16T00:02:00+08:00');
  });
});
