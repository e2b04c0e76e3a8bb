/**
 * Crowds drawn by events: people arrive over the first part of an event (an hour or two for a
 * long one), stay while it runs, and take a while to leave after it ends. Magnitude is the
 * expected attendance as a share of the space's capacity.
 */
import type { SimEvent, SimTime } from '../types';

const MINUTE_MS = 60_000;
const MIN_ARRIVAL_MS = 15 * MINUTE_MS;
const MAX_ARRIVAL_MS = 90 * MINUTE_MS;
/** How long the crowd takes to leave after the event ends. */
export const CROWD_DISPERSAL_MS = 45 * MINUTE_MS;

function smoothstep(x: number): number {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
}

/** Share of the expected attendance present at `t`. */
export function attendanceShare(event: Pick<SimEvent, 'startMs' | 'endMs'>, t: SimTime): number {
  if (t < event.startMs) return 0;
  const arrival = Math.min(
    MAX_ARRIVAL_MS,
    Math.max(MIN_ARRIVAL_MS, 0.4 * (event.endMs - event.startMs)),
  );
  const arrived = (at: number): number => smoothstep((at - event.startMs) / arrival);
  if (t < event.endMs) return arrived(t);
  return arrived(event.endMs) * (1 - smoothstep((t - event.endMs) / CROWD_DISPERSAL_MS));
}

/** Space id → crowd at `t` as a share of capacity, from `crowd-event` events (the largest wins). */
export function crowdShares(events: readonly SimEvent[], t: SimTime): Map<string, number> {
  const shares = new Map<string, number>();
  for (const event of events) {
    if (event.kind !== 'crowd-event') continue;
    const share = Math.max(0, event.magnitude) * attendanceShare(event, t);
    if (share > (shares.get(event.target) ?? 0)) shares.set(event.target, share);
  }
  return shares;
}
