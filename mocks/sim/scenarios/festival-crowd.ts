/**
 * A festival: a venue or plaza draws about 1.1 times its capacity over two hours. The crowd
 * builds up over the first 50 minutes, crosses the warning and then the alarm threshold, fills
 * the roads around it with traffic, and disperses after the end.
 */
import type { CityModel } from '../../city/generate-city';
import { hashString, unitHash } from '../../city/prng';
import type { ScenarioDefinition, SimEvent } from '../types';

const MINUTE_MS = 60_000;
const DURATION_MIN = 120;
const ATTENDANCE = 1.1;

/** The venue or plaza a festival run takes place in (deterministic in the run id). */
export function pickFestivalSpace(city: CityModel, runId: string): string {
  const candidates = city.publicSpaces
    .filter((space) => space.spaceKind === 'venue' || space.spaceKind === 'plaza')
    .map((space) => space.id)
    .sort();
  const chosen = candidates[Math.floor(unitHash(hashString(runId), 0xf357) * candidates.length)];
  return chosen ?? city.publicSpaces[0]?.id ?? 'none';
}

export const festivalCrowdScenario: ScenarioDefinition = {
  id: 'festival-crowd',
  title: { zh: '节庆大客流', en: 'Festival crowd' },
  description: {
    zh: '节庆活动吸引超过场地容量的人流，约两小时，周边道路交通需求上升。',
    en: 'A festival draws more people than the space holds for about two hours; traffic around it builds up.',
  },
  durationMs: (DURATION_MIN + 45) * MINUTE_MS,
  expand(city, startMs, runId): SimEvent[] {
    return [
      {
        id: `${runId}:crowd`,
        kind: 'crowd-event',
        target: pickFestivalSpace(city, runId),
        startMs,
        endMs: startMs + DURATION_MIN * MINUTE_MS,
        magnitude: ATTENDANCE,
        source: 'scenario',
        scenarioRunId: runId,
      },
    ];
  },
};
