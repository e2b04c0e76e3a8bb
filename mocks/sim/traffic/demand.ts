/**
 * How much traffic wants to be on the roads at a time, and how the weather slows it. The daily
 * profile is the one of today's live values (mocks/live/traffic.ts): a morning peak around
 * 08:15, an evening peak around 18:00, a midday shoulder, and a flatter, lower weekend, with
 * tidal flows on top (into the centre in the morning, out in the evening). The spatial and
 * per-segment variation is in segment-factors.ts.
 */
import { isWeekend, localHour } from '../../live/clock';
import { trafficDemand } from '../../live/traffic';

export interface DemandNow {
  /** Share of weekday-peak demand on the roads, about 0.1..1. */
  readonly total: number;
  /** Strength of the morning and evening peaks (0..1), which drive the tidal flows. */
  readonly morning: number;
  readonly evening: number;
}

export function demandAt(t: number): DemandNow {
  return trafficDemand(localHour(t), isWeekend(t));
}

/**
 * Extra demand on inbound (+) or outbound (−) segments from the tidal flows: a segment heading
 * straight for the centre carries this much more at the height of the morning peak, and as much
 * less at the evening one.
 */
export const TIDAL_SHARE = 0.3;

/**
 * Share of free-flow speed drivers keep in the rain: about 10 % slower at 10 mm/h, 20 % at
 * 30 mm/h, never more than 25 %.
 */
export function rainSpeedFactor(rainMmH: number): number {
  return 1 - 0.25 * (1 - Math.exp(-Math.max(0, rainMmH) / 20));
}
