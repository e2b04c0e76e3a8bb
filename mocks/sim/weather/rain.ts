/**
 * Rain intensity from `rain` events. An event's magnitude is an intensity 0..1 (1 ≈ 80 mm/h);
 * rain builds up after the start and eases off before the end instead of switching on and off,
 * so drainage and traffic see a storm arrive and pass over minutes.
 */
import type { SimEvent, SimTime } from '../types';

const MINUTE_MS = 60_000;
/** mm/h of rain at magnitude 1: a severe convective storm. */
export const RAIN_FULL_MMH = 80;
/** Overlapping events add up, but never beyond a cloudburst. */
const MAX_INTENSITY = 1.25;
const MIN_RAMP_MS = 2 * MINUTE_MS;
const MAX_RAMP_MS = 20 * MINUTE_MS;

function smoothstep(x: number): number {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
}

/** How long a rain event takes to build up (and to ease off): a quarter of it, 2..20 min. */
export function rainRampMs(event: Pick<SimEvent, 'startMs' | 'endMs'>): number {
  return Math.min(MAX_RAMP_MS, Math.max(MIN_RAMP_MS, (event.endMs - event.startMs) / 4));
}

/** Share of an event's magnitude falling at `t`: 0 outside it, 1 in its steady middle. */
export function rainEnvelope(event: Pick<SimEvent, 'startMs' | 'endMs'>, t: SimTime): number {
  if (t < event.startMs || t >= event.endMs) return 0;
  const ramp = rainRampMs(event);
  return smoothstep((t - event.startMs) / ramp) * smoothstep((event.endMs - t) / ramp);
}

/** Rain intensity 0..1.25 at `t` from every `rain` event in the list. */
export function rainIntensityAt(events: readonly SimEvent[], t: SimTime): number {
  let intensity = 0;
  for (const event of events) {
    if (event.kind === 'rain') intensity += Math.max(0, event.magnitude) * rainEnvelope(event, t);
  }
  return Math.min(MAX_INTENSITY, intensity);
}

export function rainMmHAt(events: readonly SimEvent[], t: SimTime): number {
  return Math.round(rainIntensityAt(events, t) * RAIN_FULL_MMH * 10) / 10;
}
