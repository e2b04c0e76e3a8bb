/**
 * Drainage fill: dry-weather wastewater (morning and evening peaks) plus rain runoff, which
 * collects in low streets first (street elevation) and in larger catchments. Where the load
 * exceeds what the pipe carries, the surplus stays on the street (waterlogging). Water from a
 * burst runs into the drains of its street too.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import { localHour } from '../../live/clock';
import { bump, roundTo, smoothNoise, stepJitter } from '../../live/signals';
import type { SimTime } from '../types';
import { streetElevation } from './street-elevation';

const MINUTE_MS = 60_000;
const FULL_RAIN_MMH = 80;
/** Runoff share on the highest streets, and the extra on the lowest (quadratic in lowness). */
const HIGH_RUNOFF = 0.25;
const LOW_EXTRA_RUNOFF = 0.85;
/** Street water (cm) per unit of load beyond a full pipe, and the deepest it gets. */
const SURCHARGE_CM = 25;
const MAX_WATERLOGGING_CM = 40;
/** Street water (cm) that fills the drain of its street on its own. */
const BURST_FILL_CM = 20;
const JITTER_STEP_MS = 15_000;

const drainageConstants = perCity((city) => {
  const pipes = city.pipes.filter((pipe) => pipe.network === 'drainage');
  const { lowness } = streetElevation(city);
  const keys = pipes.map((pipe) => hashString(pipe.id));
  return {
    ids: pipes.map((pipe) => pipe.id),
    edgeIds: pipes.map((pipe) => pipe.edgeId),
    keys,
    baseFill: keys.map((key) => 0.12 + 0.22 * unitHash(key, 1)),
    /** Runoff per unit of rain: low streets and wide catchments take more. */
    runoff: pipes.map((pipe, i) => {
      const low = lowness[pipe.edgeId] ?? 0;
      const catchment = 0.85 + 0.3 * unitHash(keys[i]!, 2);
      return (HIGH_RUNOFF + LOW_EXTRA_RUNOFF * low * low) * catchment;
    }),
  };
});

export interface DrainageState {
  /** Fill ratio per drainage pipe (city order), 0..1. */
  readonly fillRatio: number[];
  /** Road edge id → street water (cm) from rain the drains cannot take. */
  readonly waterloggingCm: Map<number, number>;
}

export function drainageState(
  city: CityModel,
  t: SimTime,
  rainMmH: number,
  burstWaterCm: ReadonlyMap<number, number>,
): DrainageState {
  const { edgeIds, keys, baseFill, runoff } = drainageConstants(city);
  const hour = localHour(t);
  const wastewater = 0.15 * Math.max(bump(hour, 8, 1.5), bump(hour, 20, 2));
  const rain = Math.max(0, rainMmH) / FULL_RAIN_MMH;
  const step = Math.floor(t / JITTER_STEP_MS);
  const fillRatio = new Array<number>(keys.length);
  const waterloggingCm = new Map<number, number>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const edgeId = edgeIds[i]!;
    const load =
      baseFill[i]! +
      wastewater +
      0.05 * (smoothNoise(key, t, 15 * MINUTE_MS) - 0.5) +
      rain * runoff[i]! +
      stepJitter(key, step, 0.005);
    if (load > 1) {
      waterloggingCm.set(
        edgeId,
        roundTo(Math.min(MAX_WATERLOGGING_CM, (load - 1) * SURCHARGE_CM), 1),
      );
    }
    const burst = burstWaterCm.get(edgeId) ?? 0;
    fillRatio[i] = roundTo(Math.min(1, Math.max(0, load + burst / BURST_FILL_CM)), 3);
  }
  return { fillRatio, waterloggingCm };
}

export function drainagePipeIds(city: CityModel): string[] {
  return drainageConstants(city).ids.slice();
}
