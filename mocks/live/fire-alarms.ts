/**
 * Fire alarms at buildings. Time is cut into one-minute buckets; each bucket may start a few
 * alarms at a moment within it, each lasting minutes. The active set at a time is everything that
 * started in the last half hour and has not ended yet, so it is a pure function of time: every
 * screen sees the same alarms, with stable ids for as long as each lasts.
 */
import type { LocalizedText } from '../../src/data/schemas';
import type { CityModel } from '../city/generate-city';
import type { XY } from '../city/geo';
import { hashString, unitHash } from '../city/prng';
import { MINUTE_MS } from './clock';
import { between } from './signals';

export type AlarmKind = 'detector' | 'fire';
export type AlarmStatus = 'alarm' | 'incident';

export interface FireAlarm {
  readonly id: string;
  readonly buildingId: string;
  readonly position: XY;
  readonly address: LocalizedText;
  readonly alarmKind: AlarmKind;
  /** 1 low .. 3 high. */
  readonly severity: 1 | 2 | 3;
  /** 'alarm' until verified; a verified fire becomes an 'incident'. */
  readonly status: AlarmStatus;
  readonly startedAtMs: number;
  readonly endsAtMs: number;
}

const BUCKET_MS = MINUTE_MS;
const SLOTS_PER_BUCKET = 3;
const LONGEST_MS = 30 * MINUTE_MS;
/** Time to verify an alarm (call back, camera, patrol) before it becomes an incident. */
const VERIFY_MS = 90_000;
/** Alarms per minute, by scale: a few active at any time. */
const ALARMS_PER_MINUTE = { town: 0.25, city: 0.8, megacity: 6 } as const;

export function activeAlarms(city: CityModel, timeMs: number): FireAlarm[] {
  if (city.buildings.length === 0) return [];
  const cityKey = hashString(city.id);
  const slotShare = ALARMS_PER_MINUTE[city.scale] / SLOTS_PER_BUCKET;
  const alarms: FireAlarm[] = [];
  const last = Math.floor(timeMs / BUCKET_MS);
  for (let bucket = Math.floor((timeMs - LONGEST_MS) / BUCKET_MS); bucket <= last; bucket++) {
    for (let slot = 0; slot < SLOTS_PER_BUCKET; slot++) {
      if (unitHash(cityKey, bucket, slot, 0) >= slotShare) continue;
      // Start times fall on 5-second marks, the alarm dataset's cadence.
      const startedAtMs =
        bucket * BUCKET_MS + Math.floor(unitHash(cityKey, bucket, slot, 1) * 12) * 5000;
      const alarmKind: AlarmKind = unitHash(cityKey, bucket, slot, 2) < 0.25 ? 'fire' : 'detector';
      const durationMs =
        alarmKind === 'fire'
          ? between(unitHash(cityKey, bucket, slot, 3), 12, 30) * MINUTE_MS
          : between(unitHash(cityKey, bucket, slot, 3), 3, 10) * MINUTE_MS;
      const endsAtMs = startedAtMs + Math.round(durationMs / 5000) * 5000;
      if (timeMs < startedAtMs || timeMs >= endsAtMs) continue;
      const building =
        city.buildings[Math.floor(unitHash(cityKey, bucket, slot, 4) * city.buildings.length)]!;
      const severity =
        alarmKind === 'fire'
          ? ((1 + Math.floor(unitHash(cityKey, bucket, slot, 5) * 3)) as 1 | 2 | 3)
          : 1;
      alarms.push({
        id: `fa-${bucket}-${slot}`,
        buildingId: building.id,
        position: building.center,
        address: building.address,
        alarmKind,
        severity,
        status: alarmKind === 'fire' && timeMs - startedAtMs >= VERIFY_MS ? 'incident' : 'alarm',
        startedAtMs,
        endsAtMs,
      });
    }
  }
  return alarms;
}

export function alarmName(alarm: FireAlarm): LocalizedText {
  return alarm.alarmKind === 'fire'
    ? { zh: `火警 · ${alarm.address.zh}`, en: `Fire · ${alarm.address.en}` }
    : { zh: `烟感报警 · ${alarm.address.zh}`, en: `Smoke detector alarm · ${alarm.address.en}` };
}
