/**
 * The events that matter at one time: each model's background events that started within the
 * look-back window, and the logged events that started by then and had not long ended. Background
 * events are asked for per fixed hour of simulated time and cached, so consecutive evaluations
 * share them and the answer never depends on which time was evaluated first.
 */
import type { CityModel } from '../../city/generate-city';
import type { DomainModel, SimEvent, SimTime } from '../types';
import type { EventLog } from './event-log';
import { createLru } from './lru';

const CHUNK_MS = 3_600_000;
/** Enough hours for every model over the longest look-back, and a few screens scrubbing. */
const CHUNK_CACHE = 96;

export interface EventWindow {
  /** Events that started in [t - lookback, t] (logged ones also if they lasted into it), sorted. */
  eventsAt(t: SimTime): readonly SimEvent[];
}

export interface EventWindowOptions {
  readonly city: CityModel;
  readonly models: readonly DomainModel[];
  readonly log: EventLog;
  readonly lookbackMs: number;
}

export function createEventWindow({
  city,
  models,
  log,
  lookbackMs,
}: EventWindowOptions): EventWindow {
  const chunks = createLru<number, readonly SimEvent[]>(CHUNK_CACHE);

  const backgroundChunk = (chunk: number): readonly SimEvent[] =>
    chunks.getOrCreate(chunk, () => {
      const from = chunk * CHUNK_MS;
      return models.flatMap((model) =>
        model
          .backgroundEvents(city, from, from + CHUNK_MS)
          .map((event) => ({ ...event, source: 'background' as const })),
      );
    });

  return {
    eventsAt(t) {
      const from = t - lookbackMs;
      const events: SimEvent[] = [];
      for (let chunk = Math.floor(from / CHUNK_MS); chunk * CHUNK_MS <= t; chunk++) {
        for (const event of backgroundChunk(chunk))
          if (event.startMs >= from && event.startMs <= t) events.push(event);
      }
      for (const event of log.events())
        if (event.startMs <= t && (event.startMs >= from || event.endMs >= from))
          events.push(event);
      return events.sort(compareEvents);
    },
  };
}

/** By start time, then id: the order models see is the same on every screen. */
export function compareEvents(a: SimEvent, b: SimEvent): number {
  return a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
