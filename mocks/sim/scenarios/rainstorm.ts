/**
 * A rainstorm: rain builds up over 20 minutes to ~72 mm/h, holds for an hour, then eases into
 * light rain. Drains in low streets fill first and overflow; waterlogged streets slow traffic.
 */
import type { ScenarioDefinition, SimEvent } from '../types';

const MINUTE_MS = 60_000;

export const rainstormScenario: ScenarioDefinition = {
  id: 'rainstorm',
  title: { zh: '暴雨', en: 'Rainstorm' },
  description: {
    zh: '强降雨约一小时后转小雨：低洼路段排水管道满管，道路积水，交通受阻。',
    en: 'An hour of heavy rain easing into light rain: drains in low streets fill up, streets flood and traffic slows.',
  },
  durationMs: 180 * MINUTE_MS,
  expand(_city, startMs, runId): SimEvent[] {
    return [
      {
        id: `${runId}:rain`,
        kind: 'rain',
        target: 'city',
        startMs,
        // 20 min build-up, 60 min at full strength, 20 min easing off.
        endMs: startMs + 100 * MINUTE_MS,
        magnitude: 0.9,
        source: 'scenario',
        scenarioRunId: runId,
      },
      {
        id: `${runId}:rain-tail`,
        kind: 'rain',
        target: 'city',
        startMs: startMs + 75 * MINUTE_MS,
        endMs: startMs + 150 * MINUTE_MS,
        magnitude: 0.2,
        source: 'scenario',
        scenarioRunId: runId,
      },
    ];
  },
};
