/**
 * The scenario registry: every scenario expands purely (same city, start and run id → same
 * events), inside its duration, under its run; storm-night is the rainstorm, a burst and a fire
 * in one night; the event log expands each run once.
 */
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { createEventLog } from '../../../mocks/sim/engine/event-log';
import { SCENARIOS, scenarioById } from '../../../mocks/sim/scenarios';
import type { ScenarioDefinition } from '../../../mocks/sim/types';

const town = generateCity({ seed: 42, scale: 'town' });
const START = Date.parse('2026-01-15T21:00:00+08:00');
const MINUTE = 60_000;

describe('scenario registry', () => {
  it('lists the five scenarios once each, with titles in both languages', () => {
    expect(SCENARIOS.map((s) => s.id).sort()).toEqual([
      'festival-crowd',
      'high-rise-fire',
      'rainstorm',
      'storm-night',
      'water-main-burst',
    ]);
    for (const scenario of SCENARIOS) {
      expect(scenario.title.zh && scenario.title.en, scenario.id).toBeTruthy();
      expect(scenario.description.zh && scenario.description.en, scenario.id).toBeTruthy();
      expect(scenarioById(scenario.id)).toBe(scenario);
    }
    expect(scenarioById('tsunami')).toBeUndefined();
  });

  it.each(SCENARIOS.map((s): [string, ScenarioDefinition] => [s.id, s]))(
    '%s expands purely, within its duration, under its run',
    (_id, scenario) => {
      const events = scenario.expand(town, START, 'run-a');
      expect(events.length).toBeGreaterThan(0);
      const again = scenario.expand(generateCity({ seed: 42, scale: 'town' }), START, 'run-a');
      expect(JSON.stringify(again)).toBe(JSON.stringify(events));
      expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
      for (const event of events) {
        expect(event.scenarioRunId, event.id).toBe('run-a');
        expect(event.startMs, event.id).toBeGreaterThanOrEqual(START);
        expect(event.endMs, event.id).toBeGreaterThanOrEqual(event.startMs);
        expect(event.endMs, event.id).toBeLessThanOrEqual(START + scenario.durationMs);
      }
      // Another run of the same scenario: its own event ids, so both can be in one log.
      const other = new Set(scenario.expand(town, START, 'run-b').map((e) => e.id));
      expect(events.some((e) => other.has(e.id))).toBe(false);
    },
  );

  it('storm-night: rain first, a burst 40 minutes in, then a high-rise fire', () => {
    const storm = scenarioById('storm-night')!;
    const events = storm.expand(town, START, 'storm-night-1');
    const first = (kind: string): number =>
      Math.min(...events.filter((e) => e.kind === kind).map((e) => e.startMs));
    expect(first('rain')).toBe(START);
    expect(first('water-burst')).toBe(START + 40 * MINUTE);
    expect(first('detector-alarm')).toBe(START + 75 * MINUTE);
    expect(first('building-fire')).toBeGreaterThan(first('water-burst'));
    expect(events.some((e) => e.kind === 'valve-close')).toBe(true);
    expect(events.some((e) => e.kind === 'road-closure')).toBe(true);
    const starts = events.map((e) => e.startMs);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const parts = ['rainstorm', 'water-main-burst', 'high-rise-fire'].map(
      (id) => scenarioById(id)!.durationMs,
    );
    expect(storm.durationMs).toBe(
      Math.max(parts[0]!, 40 * MINUTE + parts[1]!, 75 * MINUTE + parts[2]!),
    );
  });

  it('the event log numbers runs, expands each once, and tells listeners what changed', () => {
    let expansions = 0;
    const counted = SCENARIOS.map((scenario) => ({
      ...scenario,
      expand: (...args: Parameters<ScenarioDefinition['expand']>) => {
        expansions++;
        return scenario.expand(...args);
      },
    }));
    const log = createEventLog({ city: town, scenarios: counted });
    const changes: number[] = [];
    log.subscribe((change) => changes.push(change.affectsFromMs));
    const a = log.startRun('water-main-burst', START);
    const b = log.startRun('water-main-burst', START + 30 * MINUTE);
    expect([a.runId, b.runId]).toEqual(['water-main-burst-1', 'water-main-burst-2']);
    expect(changes).toEqual([START, START + 30 * MINUTE]);
    log.events();
    log.events();
    log.runEvents(a.runId);
    expect(expansions).toBe(2);
    expect(log.events().filter((e) => e.scenarioRunId === b.runId).length).toBeGreaterThan(0);
    expect(() => log.appendRun({ ...a })).toThrow(/already logged/);
    expect(() => log.startRun('tsunami' as 'rainstorm', START)).toThrow(/unknown scenario/);
    // Replaying the entries gives the same log.
    const replay = createEventLog({ city: town, scenarios: SCENARIOS, entries: log.entries() });
    expect(JSON.stringify(replay.events())).toBe(JSON.stringify(log.events()));
  });
});
