/**
 * The traffic domain model (docs/simulation.md): speeds and volumes of every road segment from
 * the daily demand profile, capacities cut by incidents and by the effects of the domains before
 * it (floods, fires, crowds, rain), and the BPR volume-delay function.
 *
 * Traffic is last in the domain order, so no other domain reads what it writes into the cross
 * effects; `applyEffects` still multiplies its incidents' capacity cuts in, for whoever reads
 * the effects after an evaluation. The speeds are right whether or not it ran (see
 * applyTrafficEffects).
 */
import type { LiveDatasetId } from '../../datasets';
import { MINUTE_MS, periodIndex } from '../../live/clock';
import type { StateColumns } from '../../live/columns';
import { hashInts } from '../../city/prng';
import { roadNetwork } from '../routing/road-network';
import type { CrossEffects, DomainModel, SimContext } from '../types';
import { backgroundIncidents } from './background-incidents';
import { trafficReadings, TRAFFIC_RULES } from './readings';
import { segmentTable } from './segment-table';
import { applyTrafficEffects, segmentSpeeds } from './speeds';

/** Share of segments whose detector reports nothing in any one hour. */
const SENSOR_OUTAGE_SHARE = 0.005;
const OUTAGE_PERIOD_MS = 60 * MINUTE_MS;

export const trafficModel: DomainModel = {
  id: 'traffic',
  datasets: ['traffic.roads'],
  rules: [TRAFFIC_RULES.jam, TRAFFIC_RULES.incident],
  backgroundEvents: backgroundIncidents,
  applyEffects: applyTrafficEffects,
  columns: (ctx: SimContext, datasetId: LiveDatasetId, t: number, effects: CrossEffects) => {
    if (datasetId !== 'traffic.roads') throw new Error(`traffic has no dataset ${datasetId}`);
    return trafficColumns(ctx, t, effects);
  },
  readings: trafficReadings,
};

/**
 * The `traffic.roads` columns: speeds to 0.1 km/h, whole vehicles per hour. Now and then a
 * segment's detector is out and reports null, while the simulated traffic on it goes on.
 */
export function trafficColumns(ctx: SimContext, t: number, effects: CrossEffects): StateColumns {
  const state = segmentSpeeds(ctx, t, effects);
  const table = segmentTable(ctx.city);
  const ids = roadNetwork(ctx.city).segmentIds;
  const n = ids.length;
  const speedKmh = new Array<number | null>(n);
  const volumeVph = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const key = table.key[i]!;
    const period = periodIndex(t, OUTAGE_PERIOD_MS, table.outagePhase[i]!);
    if (hashInts(key, period, 2) / 4294967296 < SENSOR_OUTAGE_SHARE) {
      speedKmh[i] = null;
      volumeVph[i] = null;
      continue;
    }
    speedKmh[i] = Math.round(state.speedKmh[i]! * 10) / 10;
    volumeVph[i] = Math.round(state.volumeVph[i]!);
  }
  return { ids: ids.slice(), columns: { speedKmh, volumeVph } };
}
