/**
 * What the traffic police watch: jams on through roads and incidents. Only exceptional
 * segments produce a reading; normal ones cost one comparison each.
 */
import type { LocalizedText } from '../../../src/data/schemas';
import { roadNetwork } from '../routing/road-network';
import type {
  AlarmReading,
  AlarmRule,
  AlarmSeverity,
  CrossEffects,
  SimContext,
  SimEvent,
} from '../types';
import { isRoadworks } from './background-incidents';
import { incidentSeverity } from './incident-queues';
import { CLASS_INDEX, segmentTable } from './segment-table';
import { segmentSpeeds } from './speeds';

/** Speed / free-flow below which a segment is jammed (docs/api/datasets.md). */
const JAM_RATIO = 0.25;
/** …and above which a jam counts as cleared. */
const JAM_CLEAR_RATIO = 0.35;

export const TRAFFIC_RULES = {
  jam: {
    id: 'traffic-jam',
    raiseHoldS: 120,
    clearHoldS: 180,
    clearBelow: JAM_RATIO / JAM_CLEAR_RATIO,
  },
  incident: { id: 'traffic-incident', raiseHoldS: 0, clearHoldS: 0, clearBelow: 0.5 },
} as const satisfies Record<string, AlarmRule>;

export function trafficReadings(ctx: SimContext, t: number, effects: CrossEffects): AlarmReading[] {
  const { city } = ctx;
  const network = roadNetwork(city);
  const table = segmentTable(city);
  const state = segmentSpeeds(ctx, t, effects);
  const readings: AlarmReading[] = [];
  for (let i = 0; i < network.segmentCount; i++) {
    if (table.roadClass[i] === CLASS_INDEX.local) continue;
    const speed = state.speedKmh[i]!;
    const ratio = speed / table.freeFlowKmh[i]!;
    // A closed segment (speed 0) is not a jam: its closure has an alarm of its own.
    if (speed <= 0 || ratio > JAM_CLEAR_RATIO) continue;
    const segment = city.roadSegments[i]!;
    readings.push({
      key: `traffic-jam:${segment.id}`,
      ruleId: TRAFFIC_RULES.jam.id,
      domain: 'traffic',
      department: 'traffic-police',
      severity: table.roadClass[i] === CLASS_INDEX.expressway ? 3 : 2,
      datasetId: 'traffic.roads',
      featureIds: [segment.id],
      level: JAM_RATIO / ratio,
      value: Math.round(speed * 10) / 10,
      unit: 'km/h',
      title: { zh: `拥堵 · ${segment.name.zh}`, en: `Traffic jam · ${segment.name.en}` },
    });
  }
  for (const event of state.incidents) {
    if (t >= event.endMs) continue;
    const i = network.segmentIndex.get(event.target);
    if (i === undefined) continue;
    const segment = city.roadSegments[i]!;
    readings.push({
      key: `traffic-incident:${event.id}`,
      ruleId: TRAFFIC_RULES.incident.id,
      domain: 'traffic',
      department: 'traffic-police',
      severity: incidentAlarmSeverity(event, table.roadClass[i]!),
      datasetId: 'traffic.roads',
      featureIds: [segment.id],
      level: 1,
      value: Math.round(incidentSeverity(event) * 100),
      unit: '%',
      title: incidentTitle(event, segment.name),
    });
  }
  return readings;
}

function incidentAlarmSeverity(event: SimEvent, roadClass: number): AlarmSeverity {
  const heavy = incidentSeverity(event) >= 0.6 ? 1 : 0;
  const major = roadClass === CLASS_INDEX.expressway ? 1 : 0;
  return (1 + heavy + major) as AlarmSeverity;
}

function incidentTitle(event: SimEvent, road: LocalizedText): LocalizedText {
  if (event.kind === 'road-closure')
    return { zh: `道路封闭 · ${road.zh}`, en: `Road closed · ${road.en}` };
  if (isRoadworks(event)) return { zh: `道路施工 · ${road.zh}`, en: `Roadworks · ${road.en}` };
  return { zh: `交通事故 · ${road.zh}`, en: `Crash · ${road.en}` };
}
