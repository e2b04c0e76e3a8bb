/**
 * Crowds in public spaces. Each kind has its own day: morning exercise and afternoon walks in
 * parks, square dancing on plazas in the evening, commuter peaks at transit hubs, evening events
 * at venues on some days. Every half hour a few spaces draw a crowd (a market, a promotion, a
 * delayed train), so some are always over the warning threshold and one over the alarm threshold.
 */
import type { CityModel } from '../city/generate-city';
import { perCity } from '../city/per-city';
import { hashString, unitHash } from '../city/prng';
import type { SpaceKind } from '../city/public-spaces';
import { MINUTE_MS, isWeekend, localDay, localHour, periodIndex } from './clock';
import type { StateColumns } from './columns';
import { between, bump, clamp, smoothNoise, stepJitter } from './signals';

const CROWD_PERIOD_MS = 30 * MINUTE_MS;
/** Spaces per crowd period pushed over the alarm (0.9) and warning (0.75) thresholds. */
const ALARM_CROWDS = 1;
const WARNING_CROWDS = 2;

const spaceKeys = perCity((city) => city.publicSpaces.map((space) => hashString(space.id)));

/** Occupancy as a share of capacity on an ordinary day, before per-space variation. */
export function occupancyProfile(
  kind: SpaceKind,
  hour: number,
  weekend: boolean,
  eventDay: boolean,
): number {
  switch (kind) {
    case 'park':
      return (
        (0.05 +
          0.3 * bump(hour, 7, 1) +
          0.3 * bump(hour, 16.5, 2.5) +
          0.2 * bump(hour, 19.5, 1.5)) *
        (weekend ? 1.6 : 1)
      );
    case 'plaza':
      return 0.05 + 0.25 * bump(hour, 12.5, 1.5) + 0.6 * bump(hour, 20, 1.5);
    case 'transit':
      return weekend
        ? 0.05 + 0.3 * bump(hour, 11, 3) + 0.4 * bump(hour, 17, 3)
        : 0.04 + 0.8 * bump(hour, 8.25, 0.9) + 0.75 * bump(hour, 18, 1.1) + 0.2 * bump(hour, 13, 3);
    case 'venue':
      return eventDay ? 0.03 + 0.92 * bump(hour, 20.5, 1.2) : 0.03 + 0.15 * bump(hour, 15, 3);
  }
}

export function publicSpaceState(city: CityModel, timeMs: number, step: number): StateColumns {
  const hour = localHour(timeMs);
  const weekend = isWeekend(timeMs);
  const day = localDay(timeMs);
  const keys = spaceKeys(city);
  const crowdPeriod = periodIndex(timeMs, CROWD_PERIOD_MS);
  const crowdRank = rankBy(keys.map((key) => unitHash(key, crowdPeriod, 3)));
  const occupancy = city.publicSpaces.map((space, i) => {
    const key = keys[i]!;
    const eventDay = unitHash(key, day, 1) < 0.35;
    const typical =
      occupancyProfile(space.spaceKind, hour, weekend, eventDay) * (0.6 + 0.5 * unitHash(key, 2));
    let ratio =
      typical +
      0.08 * (smoothNoise(key, timeMs, 15 * MINUTE_MS) - 0.5) +
      stepJitter(key, step, 0.005);
    const rank = crowdRank[i]!;
    if (rank < ALARM_CROWDS)
      ratio = Math.max(ratio, between(unitHash(key, crowdPeriod, 4), 0.92, 1.05));
    else if (rank < ALARM_CROWDS + WARNING_CROWDS)
      ratio = Math.max(ratio, between(unitHash(key, crowdPeriod, 4), 0.77, 0.88));
    return Math.round(space.capacity * clamp(ratio, 0, 1.2));
  });
  return { ids: city.publicSpaces.map((space) => space.id), columns: { occupancy } };
}

/** rank[i] = position of values[i] in ascending order. */
function rankBy(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const rank = new Array<number>(values.length);
  order.forEach((index, position) => (rank[index] = position));
  return rank;
}
