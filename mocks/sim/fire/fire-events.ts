/**
 * Fire events: background detector alarms (mostly false) and, rarely, real fires, drawn from
 * hashed time buckets like today's live alarms (mocks/live/fire-alarms.ts); plus the scenario
 * and operator events of the log. Each id is kept once, whichever source it came from.
 */
import type { CityModel } from '../../city/generate-city';
import type { CityScale } from '../../city/scale';
import { hashString, unitHash } from '../../city/prng';
import { MINUTE_MS } from '../../live/clock';
import { between } from '../../live/signals';
import type { AlarmSeverity, SimContext, SimEvent } from '../types';

/** Time to verify an alarm (call back, camera, patrol) before it becomes an incident. */
export const VERIFY_MS = 90_000;
/** How far back dispatch looks to know which units are out (fires before it are forgotten). */
export const FIRE_PLAN_WINDOW_MS = 6 * 60 * MINUTE_MS;
/** The longest a background detector alarm lasts. */
const LONGEST_DETECTOR_MS = 10 * MINUTE_MS;

const DETECTOR_BUCKET_MS = MINUTE_MS;
const DETECTOR_SLOTS = 3;
const DETECTORS_PER_MINUTE: Readonly<Record<CityScale, number>> = {
  town: 0.12,
  city: 0.5,
  megacity: 4,
};
const FIRE_BUCKET_MS = 10 * MINUTE_MS;
/** Chance of a real fire starting in a ten-minute bucket: one every few hours. */
const FIRE_CHANCE: Readonly<Record<CityScale, number>> = { town: 0.04, city: 0.1, megacity: 0.1 };

/** Start times fall on 5-second marks, the cadence of the alarm dataset. */
function fiveSecondMark(bucketStart: number, bucketMs: number, unit: number): number {
  return bucketStart + Math.floor(unit * (bucketMs / 5000)) * 5000;
}

export function backgroundFireEvents(city: CityModel, fromMs: number, toMs: number): SimEvent[] {
  return [...backgroundDetectors(city, fromMs, toMs), ...backgroundFires(city, fromMs, toMs)].sort(
    byStart,
  );
}

function buildingAt(city: CityModel, unit: number): string {
  return city.buildings[Math.floor(unit * city.buildings.length)]!.id;
}

function backgroundDetectors(city: CityModel, fromMs: number, toMs: number): SimEvent[] {
  const events: SimEvent[] = [];
  if (city.buildings.length === 0) return events;
  const cityKey = hashString(`${city.id}:fire`);
  const slotShare = DETECTORS_PER_MINUTE[city.scale] / DETECTOR_SLOTS;
  const firstDetector = Math.floor(fromMs / DETECTOR_BUCKET_MS);
  for (let bucket = firstDetector; bucket * DETECTOR_BUCKET_MS < toMs; bucket++) {
    for (let slot = 0; slot < DETECTOR_SLOTS; slot++) {
      const h = (salt: number): number => unitHash(cityKey, 1, bucket, slot, salt);
      if (h(0) >= slotShare) continue;
      const startMs = fiveSecondMark(bucket * DETECTOR_BUCKET_MS, DETECTOR_BUCKET_MS, h(1));
      if (startMs < fromMs || startMs >= toMs) continue;
      const durationMs = Math.round((between(h(2), 3, 10) * MINUTE_MS) / 5000) * 5000;
      events.push({
        id: `fd-${bucket}-${slot}`,
        kind: 'detector-alarm',
        target: buildingAt(city, h(3)),
        startMs,
        endMs: startMs + durationMs,
        magnitude: 0,
        source: 'background',
      });
    }
  }
  return events;
}

function backgroundFires(city: CityModel, fromMs: number, toMs: number): SimEvent[] {
  const events: SimEvent[] = [];
  if (city.buildings.length === 0) return events;
  const cityKey = hashString(`${city.id}:fire`);
  for (let bucket = Math.floor(fromMs / FIRE_BUCKET_MS); bucket * FIRE_BUCKET_MS < toMs; bucket++) {
    const h = (salt: number): number => unitHash(cityKey, 2, bucket, salt);
    if (h(0) >= FIRE_CHANCE[city.scale]) continue;
    const startMs = fiveSecondMark(bucket * FIRE_BUCKET_MS, FIRE_BUCKET_MS, h(1));
    if (startMs < fromMs || startMs >= toMs) continue;
    // Most fires are small (a kitchen, a bin store); a few are serious.
    const magnitude = Math.round(h(2) ** 2 * 100) / 100;
    events.push({
      id: `ff-${bucket}`,
      kind: 'building-fire',
      target: buildingAt(city, h(3)),
      startMs,
      endMs: startMs + Math.round(15 + 60 * magnitude) * MINUTE_MS,
      magnitude,
      source: 'background',
    });
  }
  return events;
}

/** Start order (ties by id), so that any split of a period into windows lists the same events. */
function byStart(a: SimEvent, b: SimEvent): number {
  return a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function fireSeverity(magnitude: number): AlarmSeverity {
  if (magnitude >= 0.75) return 3;
  if (magnitude >= 0.4) return 2;
  return 1;
}

export interface FireEvents {
  /** Real fires that started in the plan window or still burn, by confirmation time. */
  readonly fires: readonly SimEvent[];
  /** Detector alarms going off at T. */
  readonly detectors: readonly SimEvent[];
}

/** The fire events that matter at T, from the log and the background, each id once. */
export function fireEventsAt(ctx: SimContext, t: number): FireEvents {
  const windowStart = t - FIRE_PLAN_WINDOW_MS;
  const fires = new Map<string, SimEvent>();
  const detectors = new Map<string, SimEvent>();
  const consider = (event: SimEvent): void => {
    if (event.startMs > t) return;
    if (event.kind === 'building-fire') {
      if ((event.startMs >= windowStart || event.endMs > t) && !fires.has(event.id))
        fires.set(event.id, event);
    } else if (event.kind === 'detector-alarm') {
      if (event.endMs > t && !detectors.has(event.id)) detectors.set(event.id, event);
    }
  };
  for (const event of ctx.events) consider(event);
  for (const event of backgroundFires(ctx.city, windowStart, t + 1)) consider(event);
  for (const event of backgroundDetectors(ctx.city, t - LONGEST_DETECTOR_MS, t + 1))
    consider(event);
  return {
    fires: [...fires.values()].sort(byStart),
    detectors: [...detectors.values()].sort(byStart),
  };
}

/** Fires burning at T (the cause, from events alone: no dispatch involved). */
export function burningAt(fires: readonly SimEvent[], t: number): SimEvent[] {
  return fires.filter((fire) => fire.startMs <= t && t < fire.endMs);
}
