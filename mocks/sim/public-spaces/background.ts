/**
 * Background crowds: venues hold an evening event on about a third of the days (a concert, a
 * match), drawn from hashed days so that every window gives the same events with the same ids.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import { CITY_UTC_OFFSET_MS, localDay } from '../../live/clock';
import type { SimEvent, SimTime } from '../types';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const EVENT_DAY_SHARE = 0.35;

const venues = perCity((city) =>
  city.publicSpaces
    .filter((space) => space.spaceKind === 'venue')
    .map((space) => ({ id: space.id, key: hashString(space.id) })),
);

export function backgroundCrowds(city: CityModel, fromMs: SimTime, toMs: SimTime): SimEvent[] {
  const events: SimEvent[] = [];
  // Events start in the evening of their day; the previous day's cannot start in the window.
  for (let day = localDay(fromMs); day <= localDay(toMs); day++) {
    const midnight = day * DAY_MS - CITY_UTC_OFFSET_MS;
    for (const venue of venues(city)) {
      if (unitHash(venue.key, day, 1) >= EVENT_DAY_SHARE) continue;
      // Doors open between 17:30 and 19:00; the show runs 2.5 to 4 hours.
      const startMs =
        midnight + (17 * 60 + 30 + 15 * Math.floor(unitHash(venue.key, day, 2) * 7)) * MINUTE_MS;
      if (startMs < fromMs || startMs >= toMs) continue;
      const durationMin = 150 + 30 * Math.floor(unitHash(venue.key, day, 3) * 4);
      events.push({
        id: `bg-crowd-${venue.id}-${day}`,
        kind: 'crowd-event',
        target: venue.id,
        startMs,
        endMs: startMs + durationMin * MINUTE_MS,
        // Mostly a good house, now and then a sell-out past the alarm threshold.
        magnitude: Math.round((0.6 + 0.38 * unitHash(venue.key, day, 4)) * 1000) / 1000,
        source: 'background',
      });
    }
  }
  return events.sort((a, b) => a.startMs - b.startMs || (a.id < b.id ? -1 : 1));
}
