/**
 * The road incidents that matter at T: scenario and operator events from the log, and the
 * background ones. The engine passes background events in ctx.events too, but how far back it
 * looks is its choice, so the model also draws its own over the span an incident can still have
 * an effect, and keeps each id once.
 */
import type { SimContext, SimEvent } from '../types';
import { LONGEST_INCIDENT_MS, backgroundIncidents, byStart } from './background-incidents';
import { QUEUE_LINGER_MS } from './incident-queues';

/** How far before T an incident can start and still have an effect at T. */
export const TRAFFIC_LOOKBACK_MS = LONGEST_INCIDENT_MS + QUEUE_LINGER_MS;

function isRoadEvent(event: SimEvent): boolean {
  return event.kind === 'road-incident' || event.kind === 'road-closure';
}

/** Incidents started at or before T whose queues may not have cleared yet, in a stable order. */
export function incidentsAt(ctx: SimContext, t: number): SimEvent[] {
  const byId = new Map<string, SimEvent>();
  const consider = (event: SimEvent): void => {
    if (!isRoadEvent(event) || event.startMs > t || event.endMs + QUEUE_LINGER_MS <= t) return;
    if (!byId.has(event.id)) byId.set(event.id, event);
  };
  for (const event of ctx.events) consider(event);
  for (const event of backgroundIncidents(ctx.city, t - TRAFFIC_LOOKBACK_MS, t + 1))
    consider(event);
  return [...byId.values()].sort(byStart);
}

/** Incidents in effect at T itself (the cause, not the queue it leaves). */
export function activeIncidentsAt(ctx: SimContext, t: number): SimEvent[] {
  return incidentsAt(ctx, t).filter((event) => t < event.endMs);
}
