/**
 * The fire domain model (docs/simulation.md): detector alarms, real fires with a severity, and
 * the engines that respond to them over the road network. Live columns: stations'
 * `availableUnits` (engines not out) and hydrants' `inService` (today's live model). Dynamic
 * datasets: `fire.alarms` and `fire.units`. Effects: a burning building closes the streets in
 * front of it; that depends on the fire events alone, never on dispatch, so the engine can
 * evaluate road speeds for dispatch without a cycle.
 */
import type { LiveDatasetId } from '../../datasets';
import type { StateColumns } from '../../live/columns';
import { hydrantState } from '../../live/fire-resources';
import type { AlarmReading, CrossEffects, DomainModel, SimContext, SimEvent } from '../types';
import { buildingById, frontage } from './adjacent-roads';
import { planFires } from './dispatch';
import { alarmFeatures, alarmTitle, unitFeatures } from './fire-features';
import { backgroundFireEvents, burningAt, fireEventsAt, fireSeverity } from './fire-events';
import { isOut } from './unit-positions';

export const FIRE_RULES = {
  detector: { id: 'fire-detector', raiseHoldS: 0, clearHoldS: 0, clearBelow: 0.5 },
  fire: { id: 'fire-incident', raiseHoldS: 0, clearHoldS: 0, clearBelow: 0.5 },
} as const;

export const FIRE_DYNAMIC_DATASETS = ['fire.alarms', 'fire.units'] as const;

export const fireModel: DomainModel = {
  id: 'fire',
  datasets: ['fire.stations', 'fire.hydrants'],
  rules: [FIRE_RULES.detector, FIRE_RULES.fire],
  dynamic: {
    datasetIds: FIRE_DYNAMIC_DATASETS,
    features: (ctx, datasetId, t) => {
      const plan = planFires(ctx, t);
      if (datasetId === 'fire.alarms') return alarmFeatures(ctx.city, plan, t);
      if (datasetId === 'fire.units') return unitFeatures(ctx.city, plan, t);
      throw new Error(`fire has no dynamic dataset ${datasetId}`);
    },
  },
  backgroundEvents: backgroundFireEvents,
  applyEffects: applyFireEffects,
  columns: fireColumns,
  readings: fireReadings,
};

/** Closes the streets in front of every burning building (capacity 0, whatever others wrote). */
export function applyFireEffects(ctx: SimContext, t: number, effects: CrossEffects): void {
  for (const fire of burningAt(fireEventsAt(ctx, t).fires, t)) {
    const building = buildingById(ctx.city, fire.target);
    if (!building) continue;
    for (const id of frontage(ctx.city, building).segmentIds) effects.roadCapacity.set(id, 0);
  }
}

function fireColumns(ctx: SimContext, datasetId: LiveDatasetId, t: number): StateColumns {
  if (datasetId === 'fire.hydrants') return hydrantState(ctx.city, t);
  if (datasetId !== 'fire.stations') throw new Error(`fire has no dataset ${datasetId}`);
  const out = new Array<number>(ctx.city.fireStations.length).fill(0);
  for (const incident of planFires(ctx, t).incidents)
    for (const trip of incident.trips) if (isOut(trip, t)) out[trip.stationIndex]!++;
  return {
    ids: ctx.city.fireStations.map((station) => station.id),
    columns: {
      availableUnits: ctx.city.fireStations.map((station, i) =>
        Math.max(0, station.units - out[i]!),
      ),
    },
  };
}

/**
 * An alarm per detector going off and per fire burning. From events alone (no dispatch), so
 * the alarm engine's steps over its window stay cheap.
 */
function fireReadings(ctx: SimContext, t: number): AlarmReading[] {
  const { fires, detectors } = fireEventsAt(ctx, t);
  const burning = burningAt(fires, t);
  const burningBuildings = new Set(burning.map((fire) => fire.target));
  const readings: AlarmReading[] = [];
  const read = (event: SimEvent, kind: 'detector' | 'fire'): void => {
    const building = buildingById(ctx.city, event.target);
    if (!building) return;
    const severity = kind === 'fire' ? fireSeverity(event.magnitude) : 1;
    readings.push({
      key: `fire-alarm:${event.id}`,
      ruleId: kind === 'fire' ? FIRE_RULES.fire.id : FIRE_RULES.detector.id,
      domain: 'fire',
      department: 'fire-brigade',
      severity,
      datasetId: 'fire.alarms',
      featureIds: [event.id],
      featurePoints: [building.center],
      level: 1,
      value: severity,
      unit: '',
      title: alarmTitle(kind, building.address),
    });
  };
  for (const event of detectors) if (!burningBuildings.has(event.target)) read(event, 'detector');
  for (const event of burning) read(event, 'fire');
  return readings;
}
