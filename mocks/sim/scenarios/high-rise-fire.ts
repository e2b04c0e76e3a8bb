/**
 * A fire in the city's tallest building: a smoke detector goes off, a minute later the fire is
 * reported (severity high), the nearest stations send three engines, the street in front is
 * closed and traffic backs up behind the closure; the fire is out after an hour and the engines
 * are home within the scenario's hour and a half.
 *
 * The fire model closes the street by itself (capacity 0 while the building burns); the
 * scenario also logs the closure as `road-closure` events, so the traffic model grows its
 * queues upstream from the moment of closing, and the traffic police get their alarm.
 */
import type { CityModel } from '../../city/generate-city';
import { MINUTE_MS } from '../../live/clock';
import { frontage } from '../fire/adjacent-roads';
import type { ScenarioDefinition, SimEvent } from '../types';

const FIRE_AFTER_MS = MINUTE_MS;
/** From the first report to the fire being out (the engines then damp down and go home). */
const BURN_MS = 60 * MINUTE_MS;
const SEVERITY = 0.9;

/** The tallest building (the first of equals, so the choice is the same on every screen). */
export function tallestBuilding(city: CityModel): CityModel['buildings'][number] | undefined {
  let tallest: CityModel['buildings'][number] | undefined;
  for (const building of city.buildings)
    if (!tallest || building.heightM > tallest.heightM) tallest = building;
  return tallest;
}

export const highRiseFire: ScenarioDefinition = {
  id: 'high-rise-fire',
  title: { zh: '高层建筑火灾', en: 'High-rise fire' },
  description: {
    zh: '全市最高的建筑起火：烟感报警，一分钟后确认火情，最近的消防站出动三辆消防车，门前道路封闭，车辆在封闭路段后排队。',
    en: "A fire in the city's tallest building: a smoke detector goes off, the fire is reported a minute later, the nearest stations send three engines, the street in front is closed and traffic queues behind it.",
  },
  durationMs: 90 * MINUTE_MS,
  expand(city: CityModel, startMs: number, runId: string): SimEvent[] {
    const building = tallestBuilding(city);
    if (!building) return [];
    const common = { target: building.id, source: 'scenario', scenarioRunId: runId } as const;
    const fireStart = startMs + FIRE_AFTER_MS;
    const closures = frontage(city, building).segmentIds.map((segmentId): SimEvent => ({
      ...common,
      id: `${runId}-closure-${segmentId}`,
      kind: 'road-closure',
      target: segmentId,
      startMs: fireStart,
      endMs: fireStart + BURN_MS,
      magnitude: 1,
    }));
    return [
      {
        ...common,
        id: `${runId}-detector`,
        kind: 'detector-alarm',
        startMs,
        endMs: startMs + FIRE_AFTER_MS + MINUTE_MS,
        magnitude: 0,
      },
      {
        ...common,
        id: `${runId}-fire`,
        kind: 'building-fire',
        startMs: fireStart,
        endMs: fireStart + BURN_MS,
        magnitude: SEVERITY,
      },
      ...closures,
    ];
  },
};
