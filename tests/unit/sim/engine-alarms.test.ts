/**
 * The alarm engine with a scripted reading: hold times, hysteresis, and the same alarms with the
 * same ids however the times were asked for.
 */
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { alarmId } from '../../../mocks/sim/engine/alarm-engine';
import { createClock } from '../../../mocks/sim/engine/clock';
import { createEventLog } from '../../../mocks/sim/engine/event-log';
import { createSimulation, type Simulation } from '../../../mocks/sim/engine/simulation';
import type { AlarmRule } from '../../../mocks/sim/types';
import { scriptedReadings } from './engine-stubs';

const town = generateCity({ seed: 42, scale: 'town' });
const MINUTE = 60_000;
/** A whole hour, so that minute k of the script is T0 + k minutes. */
const T0 = Date.parse('2026-01-15T08:00:00+08:00');
const RULE: AlarmRule = { id: 'low-pressure', raiseHoldS: 120, clearHoldS: 180, clearBelow: 0.8 };

/** A simulation whose only reading follows `script(minute)` from T0 on (null = normal). */
function scripted(script: (minute: number) => number | null): Simulation {
  const model = scriptedReadings(RULE, (t) => {
    const minute = Math.floor((t - T0) / MINUTE);
    return minute < 0 ? null : script(minute);
  });
  return createSimulation({
    city: town,
    models: [model],
    log: createEventLog({ city: town, scenarios: [] }),
    clock: createClock({ wallNow: () => T0 }),
  });
}

const at = (minute: number): number => T0 + minute * MINUTE;

describe('alarm engine', () => {
  it('raises only once the condition has held for the raise hold', () => {
    const sim = scripted((m) => (m >= 10 ? 1.2 : null));
    expect(sim.alarms(at(10)).open).toEqual([]);
    expect(sim.alarms(at(11)).open).toEqual([]);
    const [alarm] = sim.alarms(at(12)).open;
    expect(alarm).toMatchObject({
      ruleId: 'low-pressure',
      status: 'open',
      department: 'water-utility',
      datasetId: 'pipes.water',
      featureIds: ['p-1'],
      raisedAt: '2026-01-15T08:12:00+08:00',
      clearedAt: null,
      unit: 'kPa',
    });
    expect(alarm!.id).toBe(alarmId('stub:1', at(12)));
  });

  it('does not flap when a reading oscillates around the raise threshold', () => {
    const sim = scripted((m) => (m % 2 === 0 ? 1.05 : 0.95));
    for (let m = 0; m < 60; m++) expect(sim.alarms(at(m)).open, `minute ${m}`).toEqual([]);
  });

  it('keeps one alarm open while the reading wavers inside the hysteresis band', () => {
    // Raised at minute 2; then it wavers between 0.75 and 1.1, never 3 minutes below 0.8.
    const sim = scripted((m) => (m < 3 ? 1.2 : [1.1, 0.75, 0.85, 0.75, 0.9][m % 5]!));
    const ids = new Set<string>();
    for (let m = 2; m < 90; m++) {
      const { open, cleared } = sim.alarms(at(m));
      expect(open, `minute ${m}`).toHaveLength(1);
      expect(cleared).toEqual([]);
      ids.add(open[0]!.id);
    }
    expect(ids.size).toBe(1);
  });

  it('clears once the reading has stayed below clearBelow for the clear hold', () => {
    const sim = scripted((m) => (m < 20 ? 1.3 : m < 22 ? 0.5 : m < 23 ? 0.9 : 0.2));
    // Below 0.8 at minutes 20, 21, back in the band at 22, below again from 23 on.
    expect(sim.alarms(at(24)).open).toHaveLength(1);
    expect(sim.alarms(at(25)).open).toHaveLength(1);
    const { open, cleared } = sim.alarms(at(26));
    expect(open).toEqual([]);
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({
      status: 'cleared',
      raisedAt: '2026-01-15T08:02:00+08:00',
      clearedAt: '2026-01-15T08:26:00+08:00',
    });
  });

  it('keeps the highest severity seen and the latest value while open', () => {
    const sim = scripted((m) => (m < 5 ? 1.6 : 1.0));
    const [alarm] = sim.alarms(at(8)).open;
    expect(alarm).toMatchObject({ severity: 3, value: 200 });
  });

  it('gives the same alarms with the same ids whatever was evaluated before', () => {
    // Episodes every 40 minutes, 25 minutes long: several raises and clears over hours.
    const script = (m: number): number | null => (((m % 40) + 40) % 40 < 25 ? 1.4 : null);
    const target = at(5 * 60 + 17);
    const direct = scripted(script).alarms(target);
    const wandering = scripted(script);
    for (const m of [0, 400, 90, 317, 316, 500, 320]) wandering.alarms(at(m));
    expect(JSON.stringify(wandering.alarms(target))).toBe(JSON.stringify(direct));
    expect(direct.open.length + direct.cleared.length).toBeGreaterThan(3);
  });

  it('keeps ids while an hour boundary moves the window (episodes shorter than the window)', () => {
    const script = (m: number): number | null => (m >= 170 && m < 260 ? 1.4 : null);
    const sim = scripted(script);
    const before = sim.alarms(at(239)).open[0]!;
    const after = sim.alarms(at(241)).open[0]!;
    expect(after.id).toBe(before.id);
  });

  it('computes one new step when time moves on by a minute', () => {
    let calls = 0;
    const model = scriptedReadings(RULE, () => {
      calls++;
      return null;
    });
    const sim = createSimulation({
      city: town,
      models: [model],
      log: createEventLog({ city: town, scenarios: [] }),
      clock: createClock({ wallNow: () => T0 }),
    });
    sim.alarms(at(30));
    const cold = calls;
    expect(cold).toBeGreaterThanOrEqual(180);
    sim.alarms(at(31));
    expect(calls - cold).toBe(1);
    sim.alarms(at(31) + 30_000);
    expect(calls - cold).toBe(1);
  });
});
