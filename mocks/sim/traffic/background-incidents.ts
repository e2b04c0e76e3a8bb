/**
 * Crashes and roadworks nobody scripted. Time is cut into ten-minute buckets; each bucket has a
 * few slots, and a slot holds an incident when its hash says so, so the incidents of any period
 * are a pure function of (city, time): a few an hour in the town, more in the city, more at busy
 * hours, roadworks mostly at night. Crashes favour through roads, weighted by length.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';
import { MINUTE_MS, localHour } from '../../live/clock';
import { between } from '../../live/signals';
import type { SimEvent } from '../types';
import { demandAt } from './demand';

const BUCKET_MS = 10 * MINUTE_MS;
/** Incidents per segment per hour at average demand. */
const RATE_PER_SEGMENT_HOUR = 0.002;
/** How much more likely an incident is per metre on each class (expressway, arterial, local). */
const CLASS_WEIGHT: Readonly<Record<string, number>> = { expressway: 3, arterial: 3, local: 1 };
/** The longest an incident lasts; how far back to look for ones still in effect. */
export const LONGEST_INCIDENT_MS = 60 * MINUTE_MS;

interface IncidentTable {
  readonly cityKey: number;
  readonly slots: number;
  /** Expected incidents per bucket at average demand. */
  readonly perBucket: number;
  /** Cumulative weights of the segments, for picking a target by weighted hash. */
  readonly cumulative: Float64Array;
}

const incidentTable = perCity((city: CityModel): IncidentTable => {
  const cumulative = new Float64Array(city.roadSegments.length);
  let sum = 0;
  city.roadSegments.forEach((segment, i) => {
    sum += segment.lengthM * (CLASS_WEIGHT[segment.roadClass] ?? 1);
    cumulative[i] = sum;
  });
  const perBucket = (RATE_PER_SEGMENT_HOUR * city.roadSegments.length * BUCKET_MS) / 3_600_000;
  return {
    cityKey: hashString(`${city.id}:road-incidents`),
    slots: Math.max(2, Math.ceil(perBucket * 3)),
    perBucket,
    cumulative,
  };
});

export function backgroundIncidents(city: CityModel, fromMs: number, toMs: number): SimEvent[] {
  const table = incidentTable(city);
  const events: SimEvent[] = [];
  if (table.cumulative.length === 0) return events;
  const total = table.cumulative[table.cumulative.length - 1]!;
  for (let bucket = Math.floor(fromMs / BUCKET_MS); bucket * BUCKET_MS < toMs; bucket++) {
    const bucketStart = bucket * BUCKET_MS;
    // More traffic, more crashes: about half the average rate at night, 1.5× at the peaks.
    const activity = 0.5 + demandAt(bucketStart + BUCKET_MS / 2).total;
    const hour = localHour(bucketStart);
    const night = hour < 5 || hour >= 22;
    for (let slot = 0; slot < table.slots; slot++) {
      const h = (salt: number): number => unitHash(table.cityKey, bucket, slot, salt);
      if (h(0) >= (table.perBucket / table.slots) * activity) continue;
      const startMs = bucketStart + Math.floor(h(1) * 120) * 5000;
      if (startMs < fromMs || startMs >= toMs) continue;
      const works = h(2) < (night ? 0.7 : 0.1);
      const durationMin = works ? between(h(3), 30, 60) : between(h(3), 20, 50);
      events.push({
        id: `ri-${works ? 'works' : 'crash'}-${bucket}-${slot}`,
        kind: 'road-incident',
        target: city.roadSegments[pickWeighted(table.cumulative, h(4) * total)]!.id,
        startMs,
        endMs: startMs + Math.round(durationMin) * MINUTE_MS,
        // Share of capacity lost: a crash blocks one or more lanes, roadworks usually one.
        magnitude:
          Math.round((works ? between(h(5), 0.3, 0.6) : between(h(5), 0.4, 0.9)) * 100) / 100,
        source: 'background',
      });
    }
  }
  return events.sort(byStart);
}

/** Start order (ties by id), so that any split of a period into windows lists the same events. */
export function byStart(a: SimEvent, b: SimEvent): number {
  return a.startMs - b.startMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Whether an incident event is roadworks (background ids say so; others count as crashes). */
export function isRoadworks(event: SimEvent): boolean {
  return event.id.startsWith('ri-works-');
}

/** First index whose cumulative weight exceeds `value`. */
function pickWeighted(cumulative: Float64Array, value: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (cumulative[middle]! > value) high = middle;
    else low = middle + 1;
  }
  return low;
}
