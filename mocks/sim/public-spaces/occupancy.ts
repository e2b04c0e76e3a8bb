/**
 * Occupancy of public spaces: each kind's ordinary day (mocks/live/public-spaces.ts), with
 * per-space variation and slow wander, topped up by event crowds.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import { MINUTE_MS, isWeekend, localHour } from '../../live/clock';
import { occupancyProfile } from '../../live/public-spaces';
import { clamp, smoothNoise, stepJitter } from '../../live/signals';
import type { SimEvent, SimTime } from '../types';
import { crowdShares } from './crowd';

const JITTER_STEP_MS = 20_000;
/** Beyond capacity people still squeeze in, up to a point. */
const MAX_SHARE = 1.3;

const spaceKeys = perCity((city) => city.publicSpaces.map((space) => hashString(space.id)));

export interface OccupancyState {
  /** People per space, city order. */
  readonly occupancy: number[];
  /** Space id → crowd from events as a share of capacity (only spaces with a crowd). */
  readonly crowds: Map<string, number>;
}

export function occupancyState(
  city: CityModel,
  events: readonly SimEvent[],
  t: SimTime,
): OccupancyState {
  const hour = localHour(t);
  const weekend = isWeekend(t);
  const keys = spaceKeys(city);
  const crowds = crowdShares(events, t);
  const step = Math.floor(t / JITTER_STEP_MS);
  const occupancy = city.publicSpaces.map((space, i) => {
    const key = keys[i]!;
    // Venue evenings come from crowd events (background or scenario), not from the profile.
    const typical =
      occupancyProfile(space.spaceKind, hour, weekend, false) * (0.6 + 0.5 * unitHash(key, 2));
    const crowd = crowds.get(space.id) ?? 0;
    const share =
      Math.max(typical, crowd) +
      0.06 * (smoothNoise(key, t, 15 * MINUTE_MS) - 0.5) +
      stepJitter(key, step, 0.005);
    return Math.round(space.capacity * clamp(share, 0, MAX_SHARE));
  });
  return { occupancy, crowds };
}
