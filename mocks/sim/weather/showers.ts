/**
 * Background showers: a few light showers a week, drawn from hashed six-hour buckets. Each
 * bucket either holds one shower or none, so asking for any window returns the same showers
 * with the same ids.
 */
import type { CityModel } from '../../city/generate-city';
import { hashString, unitHash } from '../../city/prng';
import type { SimEvent, SimTime } from '../types';

const MINUTE_MS = 60_000;
export const SHOWER_BUCKET_MS = 6 * 60 * MINUTE_MS;
/** 28 buckets a week × 0.12 ≈ 3.4 showers a week. */
const SHOWER_CHANCE = 0.12;
const MIN_DURATION_MS = 20 * MINUTE_MS;
export const MAX_SHOWER_MS = 90 * MINUTE_MS;
/** Light to moderate rain: 4..20 mm/h. */
const MIN_MAGNITUDE = 0.05;
const MAX_MAGNITUDE = 0.25;

export function backgroundShowers(city: CityModel, fromMs: SimTime, toMs: SimTime): SimEvent[] {
  const key = hashString(`${city.id}:showers`);
  const showers: SimEvent[] = [];
  const first = Math.floor(fromMs / SHOWER_BUCKET_MS);
  const last = Math.floor((toMs - 1) / SHOWER_BUCKET_MS);
  for (let bucket = first; bucket <= last; bucket++) {
    if (unitHash(key, bucket, 0) >= SHOWER_CHANCE) continue;
    const durationMs =
      MIN_DURATION_MS + Math.round(unitHash(key, bucket, 1) * (MAX_SHOWER_MS - MIN_DURATION_MS));
    // Whole minutes, so event times read naturally in the log.
    const offset = Math.floor(
      (unitHash(key, bucket, 2) * (SHOWER_BUCKET_MS - durationMs)) / MINUTE_MS,
    );
    const startMs = bucket * SHOWER_BUCKET_MS + offset * MINUTE_MS;
    if (startMs < fromMs || startMs >= toMs) continue;
    const magnitude = MIN_MAGNITUDE + unitHash(key, bucket, 3) * (MAX_MAGNITUDE - MIN_MAGNITUDE);
    showers.push({
      id: `bg-rain-${bucket}`,
      kind: 'rain',
      target: 'city',
      startMs,
      endMs: startMs + Math.round(durationMs / MINUTE_MS) * MINUTE_MS,
      magnitude: Math.round(magnitude * 1000) / 1000,
      source: 'background',
    });
  }
  return showers;
}
