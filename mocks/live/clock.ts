/**
 * Time for the simulation. The demo city keeps Asia/Shanghai time (UTC+8 all year, no daylight
 * saving), so rush hours fall where an operator in China expects them. Every value is computed
 * at a time quantised to the dataset's cadence: within one step nothing changes, and from one
 * step to the next something does.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const CITY_UTC_OFFSET_MS = 8 * HOUR_MS;
export const MINUTE_MS = 60_000;

/** The start of the cadence step that `timeMs` falls in. */
export function quantize(timeMs: number, cadenceS: number): number {
  const step = cadenceS * 1000;
  return Math.floor(timeMs / step) * step;
}

/** ISO 8601 in city time with its offset, e.g. 2026-01-15T08:30:00+08:00. */
export function isoWithOffset(timeMs: number): string {
  const local = new Date(timeMs + CITY_UTC_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

/** Hours since local midnight, fractional (0 ≤ h < 24). */
export function localHour(timeMs: number): number {
  const local = (((timeMs + CITY_UTC_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS;
  return local / HOUR_MS;
}

/** Days since 1970-01-01 in city time. */
export function localDay(timeMs: number): number {
  return Math.floor((timeMs + CITY_UTC_OFFSET_MS) / DAY_MS);
}

export function isWeekend(timeMs: number): boolean {
  // 1970-01-01 was a Thursday (day 4 when Sunday is 0).
  const weekday = (((localDay(timeMs) + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
}

/**
 * Which period of `periodMs` a time falls in, shifted by a per-item phase (0..1) so that the
 * periods of different items do not all roll over at the same moment.
 */
export function periodIndex(timeMs: number, periodMs: number, phase = 0): number {
  return Math.floor(timeMs / periodMs + phase);
}
