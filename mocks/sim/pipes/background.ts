/**
 * Background faults: now and then a distribution water pipe leaks (a small burst that utility
 * crews fix within hours) and, rarely, a gas pipe leaks. Drawn from hashed hourly buckets, so
 * any window gives the same faults with the same ids. Rates are per pipe, so a big city has
 * proportionally more than a town (about 1.5 water leaks a day at city scale, one a week or so
 * in a town; a gas leak every few days at city scale).
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import type { SimEvent, SimEventKind, SimTime } from '../types';

const MINUTE_MS = 60_000;
const BUCKET_MS = 60 * MINUTE_MS;
/** Up to this many faults of a kind start in one bucket. */
const SLOTS = 3;

interface FaultKind {
  readonly kind: SimEventKind;
  readonly idPrefix: string;
  readonly perPipePerDay: number;
  readonly magnitude: readonly [number, number];
  readonly durationMin: readonly [number, number];
}

const WATER_LEAK: FaultKind = {
  kind: 'water-burst',
  idPrefix: 'bg-leak-w',
  perPipePerDay: 1 / 4000,
  // Small enough to stay a warning: a leak, not a break.
  magnitude: [0.15, 0.35],
  durationMin: [90, 240],
};
const GAS_LEAK: FaultKind = {
  kind: 'gas-leak',
  idPrefix: 'bg-leak-g',
  perPipePerDay: 1 / 20000,
  magnitude: [0.6, 1],
  durationMin: [45, 120],
};
/** The longest background fault, for the engine's look-back. */
export const MAX_BACKGROUND_FAULT_MS = 240 * MINUTE_MS;

const faultTargets = perCity((city) => ({
  key: hashString(`${city.id}:pipe-faults`),
  // Leaks are a distribution-pipe affair; a main break is a scenario, not background noise.
  water: city.pipes.filter((pipe) => pipe.network === 'water' && !pipe.main).map((pipe) => pipe.id),
  gas: city.pipes.filter((pipe) => pipe.network === 'gas').map((pipe) => pipe.id),
}));

function faults(
  fault: FaultKind,
  key: number,
  targets: readonly string[],
  fromMs: SimTime,
  toMs: SimTime,
): SimEvent[] {
  const chance = (targets.length * fault.perPipePerDay) / 24 / SLOTS;
  const events: SimEvent[] = [];
  if (targets.length === 0 || toMs <= fromMs) return events;
  const salt = hashString(fault.idPrefix);
  for (let bucket = Math.floor(fromMs / BUCKET_MS); bucket * BUCKET_MS < toMs; bucket++) {
    for (let slot = 0; slot < SLOTS; slot++) {
      if (unitHash(key, salt, bucket, slot, 0) >= chance) continue;
      const startMs =
        bucket * BUCKET_MS + Math.floor(unitHash(key, salt, bucket, slot, 1) * 60) * MINUTE_MS;
      if (startMs < fromMs || startMs >= toMs) continue;
      const [minDuration, maxDuration] = fault.durationMin;
      const [minMagnitude, maxMagnitude] = fault.magnitude;
      const duration = Math.round(
        minDuration + unitHash(key, salt, bucket, slot, 2) * (maxDuration - minDuration),
      );
      const magnitude =
        minMagnitude + unitHash(key, salt, bucket, slot, 3) * (maxMagnitude - minMagnitude);
      events.push({
        id: `${fault.idPrefix}-${bucket}-${slot}`,
        kind: fault.kind,
        target: targets[Math.floor(unitHash(key, salt, bucket, slot, 4) * targets.length)]!,
        startMs,
        endMs: startMs + duration * MINUTE_MS,
        magnitude: Math.round(magnitude * 1000) / 1000,
        source: 'background',
      });
    }
  }
  return events;
}

export function backgroundPipeFaults(city: CityModel, fromMs: SimTime, toMs: SimTime): SimEvent[] {
  const { key, water, gas } = faultTargets(city);
  return [
    ...faults(WATER_LEAK, key, water, fromMs, toMs),
    ...faults(GAS_LEAK, key, gas, fromMs, toMs),
  ].sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));
}
