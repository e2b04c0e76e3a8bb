/**
 * A stormy night: a rainstorm, then, while the streets are still wet, a water main bursts, and
 * later a high-rise catches fire. Composed from the three scenarios' own expansions (each under a
 * run id of its own, so their choices differ from standalone runs but are the same on every
 * screen), their events all belonging to the storm-night run.
 */
import { compareEvents } from '../engine/event-window';
import type { ScenarioDefinition, SimEvent } from '../types';

const MINUTE_MS = 60_000;
/** After the rain has peaked and the drains are full. */
const BURST_AFTER_MS = 40 * MINUTE_MS;
/** While the burst is still being isolated: two departments at work on the same night. */
const FIRE_AFTER_MS = 75 * MINUTE_MS;

export interface StormNightParts {
  readonly rainstorm: ScenarioDefinition;
  readonly waterMainBurst: ScenarioDefinition;
  readonly highRiseFire: ScenarioDefinition;
}

export function defineStormNight({
  rainstorm,
  waterMainBurst,
  highRiseFire,
}: StormNightParts): ScenarioDefinition {
  const parts = [
    { scenario: rainstorm, offsetMs: 0, suffix: 'rain' },
    { scenario: waterMainBurst, offsetMs: BURST_AFTER_MS, suffix: 'burst' },
    { scenario: highRiseFire, offsetMs: FIRE_AFTER_MS, suffix: 'fire' },
  ] as const;
  return {
    id: 'storm-night',
    title: { zh: '风雨之夜', en: 'Storm night' },
    description: {
      zh: '暴雨之夜：先是强降雨和道路积水，随后供水主管爆管，接着一栋高层建筑起火，多个部门同时处置。',
      en: 'A stormy night: heavy rain floods low streets, then a water main bursts, then a high-rise catches fire; several departments respond at once.',
    },
    durationMs: Math.max(...parts.map((part) => part.offsetMs + part.scenario.durationMs)),
    expand(city, startMs, runId): SimEvent[] {
      return parts
        .flatMap(({ scenario, offsetMs, suffix }) =>
          scenario.expand(city, startMs + offsetMs, `${runId}.${suffix}`),
        )
        .map((event) => ({ ...event, scenarioRunId: runId }))
        .sort(compareEvents);
    },
  };
}
