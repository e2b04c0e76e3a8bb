/**
 * Small stand-in domain models for the engine's tests: rain from hashed hourly buckets and from
 * a logged scenario, roads that slow in the rain, and a readings source scripted by the test.
 * They follow the contracts of mocks/sim/types.ts and nothing more.
 */
import { unitHash } from '../../../mocks/city/prng';
import type {
  AlarmReading,
  AlarmRule,
  DomainModel,
  ScenarioDefinition,
  SimEvent,
} from '../../../mocks/sim/types';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export function activeRainMmH(events: readonly SimEvent[], t: number): number {
  let rain = 0;
  for (const event of events)
    if (event.kind === 'rain' && event.startMs <= t && t < event.endMs)
      rain = Math.max(rain, event.magnitude * 80);
  return rain;
}

/** Rain showers in about half of the hours, plus whatever the log says. */
export function stubWeather(): DomainModel {
  return {
    id: 'weather',
    datasets: [],
    rules: [],
    backgroundEvents: (city, fromMs, toMs) => {
      const events: SimEvent[] = [];
      for (let hour = Math.floor(fromMs / HOUR_MS); hour * HOUR_MS < toMs; hour++) {
        if (unitHash(city.seed, hour, 1) >= 0.5) continue;
        const startMs = hour * HOUR_MS + Math.floor(unitHash(city.seed, hour, 2) * 50) * MINUTE_MS;
        if (startMs < fromMs || startMs >= toMs) continue;
        events.push({
          id: `shower-${hour}`,
          kind: 'rain',
          target: 'city',
          startMs,
          endMs: startMs + 30 * MINUTE_MS,
          magnitude: 0.2 + 0.3 * unitHash(city.seed, hour, 3),
          source: 'background',
        });
      }
      return events;
    },
    applyEffects: (ctx, t, effects) => {
      effects.rainMmH = activeRainMmH(ctx.events, t);
    },
    columns: () => ({ ids: [], columns: {} }),
    readings: () => [],
  };
}

/** Road speeds: free flow, less in the rain, less where capacity is cut. */
export function stubTraffic(): DomainModel {
  return {
    id: 'traffic',
    datasets: ['traffic.roads'],
    rules: [],
    backgroundEvents: () => [],
    applyEffects: () => undefined,
    columns: (ctx, _id, _t, effects) => {
      const rainFactor = 1 - 0.4 * Math.min(1, effects.rainMmH / 80);
      return {
        ids: ctx.city.roadSegments.map((segment) => segment.id),
        columns: {
          speedKmh: ctx.city.roadSegments.map(
            (segment) =>
              Math.round(
                segment.freeFlowKmh * rainFactor * (effects.roadCapacity.get(segment.id) ?? 1) * 10,
              ) / 10,
          ),
          volumeVph: ctx.city.roadSegments.map(() => null),
        },
      };
    },
    readings: () => [],
  };
}

/** A model whose readings at each time the test scripts. */
export function scriptedReadings(
  rule: AlarmRule,
  level: (t: number) => number | null,
  key = 'stub:1',
): DomainModel {
  return {
    id: 'pipes',
    datasets: [],
    rules: [rule],
    backgroundEvents: () => [],
    applyEffects: () => undefined,
    columns: () => ({ ids: [], columns: {} }),
    readings: (_ctx, t): AlarmReading[] => {
      const value = level(t);
      if (value === null || value < rule.clearBelow) return [];
      return [
        {
          key,
          ruleId: rule.id,
          domain: 'pipes',
          department: 'water-utility',
          severity: value >= 1.5 ? 3 : 2,
          datasetId: 'pipes.water',
          featureIds: ['p-1'],
          level: value,
          value: Math.round(300 - 100 * value),
          unit: 'kPa',
          title: { zh: '低压', en: 'Low pressure' },
        },
      ];
    },
  };
}

/** A rainstorm: heavy rain for half an hour from the start. */
export const stubRainstorm: ScenarioDefinition = {
  id: 'rainstorm',
  title: { zh: '暴雨', en: 'Rainstorm' },
  description: { zh: '暴雨', en: 'Heavy rain' },
  durationMs: 30 * MINUTE_MS,
  expand: (_city, startMs, runId) => [
    {
      id: `${runId}:rain`,
      kind: 'rain',
      target: 'city',
      startMs,
      endMs: startMs + 30 * MINUTE_MS,
      magnitude: 1,
      source: 'scenario',
      scenarioRunId: runId,
    },
  ],
};
