/**
 * Alarms at a time T: the alarm rules stepped over a fixed global 60 s grid, from the start of a
 * bounded window before T up to T. The window starts on a whole hour (between 3 and 4 hours before
 * T), so every T in that hour steps from the same origin: the same T always gives the same alarms
 * with the same ids, wherever evaluation started, and live mode computes one new step a minute.
 *
 * An alarm keeps its id (its key and the minute it was raised) for as long as its condition holds,
 * also beyond the window: operators act on an alarm by its id, so a long incident must not turn
 * into a new alarm every hour. A window finds the episodes it would raise at its very start on a
 * condition already held then, and still open two hours on (the alarms a screen can list once
 * the window is served: open, or cleared in the last half hour); it takes those keys' state from
 * the end of the previous hour's window, which traces them further back the same way. The trace
 * depends only on the window's origin, so determinism holds. It costs an hour of steps per hour
 * a condition has been held, and only for conditions held for hours across a window start (long
 * scenarios; hardly ever the background). Shorter episodes cut by a window start keep getting the
 * start as their raise time, as before: they have cleared long before that window is served.
 * The trace stops at local midnight, which bounds a cold start to a day of steps: an alarm held
 * across midnight gets a new id once, at 03:00, when windows start after midnight.
 */
import type { BBox, LocalizedText, Position } from '../../../src/data/schemas';
import { hashString } from '../../city/prng';
import type { LiveDatasetId } from '../../datasets';
import { CITY_UTC_OFFSET_MS, isoWithOffset } from '../../live/clock';
import type { AlarmReading, AlarmRule, AlarmSeverity, Department, SimTime } from '../types';
import {
  emptyStepState,
  keepKeys,
  keysHeldFrom,
  nextStepState,
  openEpisodes,
  type AlarmEpisode,
  type StepState,
} from './alarm-steps';
import { createLru } from './lru';

export type AlarmStatus = 'open' | 'cleared';

/** Where an alarm is, in lon/lat (see mocks/geojson/alarm-place.ts). */
export interface AlarmPlace {
  /** The district (`GET /areas`) of the first feature, or null when no feature is known. */
  readonly areaId: string | null;
  readonly position: Position;
  /** Around all of its features. */
  readonly bbox: BBox;
}

export interface Alarm extends AlarmPlace {
  readonly id: string;
  readonly ruleId: string;
  readonly domain: string;
  readonly department: Department;
  readonly severity: AlarmSeverity;
  readonly status: AlarmStatus;
  readonly datasetId: LiveDatasetId | 'fire.alarms';
  readonly featureIds: readonly string[];
  readonly raisedAt: string;
  readonly clearedAt: string | null;
  readonly value: number;
  readonly unit: string;
  readonly title: LocalizedText;
}

export interface AlarmSnapshot {
  /** The grid step the alarms were evaluated at. */
  readonly observedAtMs: SimTime;
  /** Open alarms, oldest first. */
  readonly open: readonly Alarm[];
  /** Alarms cleared within the window, most recently cleared first. */
  readonly cleared: readonly Alarm[];
}

export interface AlarmEngine {
  at(t: SimTime): AlarmSnapshot;
  /** Forgets every step at or after `fromMs` (the event log changed what happens then). */
  invalidateFrom(fromMs: SimTime): void;
}

export interface AlarmEngineOptions {
  readonly readingsAt: (stepMs: SimTime) => readonly AlarmReading[];
  readonly rules: ReadonlyMap<string, AlarmRule>;
  /** Where the features of a reading are. */
  readonly locate: (reading: AlarmReading) => AlarmPlace;
  readonly stepMs?: number;
  readonly windowMs?: number;
  /** Window starts are aligned to this; a multiple of the step. */
  readonly blockMs?: number;
  /** Window starts at which held conditions are not traced further back (local midnight). */
  readonly traceStopsAt?: (originMs: SimTime) => boolean;
  /** How long after a window start an episode held at the start must still be open to be traced. */
  readonly traceOpenForMs?: number;
}

export const ALARM_STEP_MS = 60_000;
export const ALARM_WINDOW_MS = 3 * 3_600_000;
const ALARM_BLOCK_MS = 3_600_000;
const DAY_MS = 24 * 3_600_000;

export function isLocalMidnight(timeMs: SimTime): boolean {
  return (timeMs + CITY_UTC_OFFSET_MS) % DAY_MS === 0;
}

export function createAlarmEngine({
  readingsAt,
  rules,
  locate,
  stepMs = ALARM_STEP_MS,
  windowMs = ALARM_WINDOW_MS,
  blockMs = ALARM_BLOCK_MS,
  traceStopsAt = isLocalMidnight,
  traceOpenForMs = windowMs - blockMs,
}: AlarmEngineOptions): AlarmEngine {
  if (blockMs % stepMs !== 0)
    throw new Error('the window alignment must be a multiple of the step');
  // How far a window's seed looks into the window: to where a traced episode must still be open.
  const probeMs = Math.floor(traceOpenForMs / stepMs) * stepMs;
  if (probeMs < 0 || probeMs > windowMs)
    throw new Error('traced episodes must be open again within the window');
  const stepsPerWindow = Math.ceil((windowMs + blockMs) / stepMs);
  // Readings are the expensive part (a whole evaluation each); states are cheap to recompute.
  const readings = createLru<SimTime, readonly AlarmReading[]>(stepsPerWindow + 60);
  const states = createLru<string, StepState>(stepsPerWindow + 60);
  /** Window origin → the state it steps on from (traced held conditions, or nothing). */
  const seeds = createLru<SimTime, StepState>(32);
  const snapshots = createLru<string, AlarmSnapshot>(16);

  /**
   * Every reading one snapshot touches. A trace probes windows newest first and then steps them
   * oldest first, so over more than the cache holds it would evict what it needs next.
   */
  let touched: Map<SimTime, readonly AlarmReading[]> | null = null;
  const readingsOf = (step: SimTime): readonly AlarmReading[] => {
    const found = touched?.get(step) ?? readings.getOrCreate(step, () => readingsAt(step));
    touched?.set(step, found);
    return found;
  };

  const stateAt = (origin: SimTime, last: SimTime): StepState => {
    let step = last;
    let state: StepState | undefined;
    while (step >= origin && !(state = states.get(`${origin}:${step}`))) step -= stepMs;
    let current = state ?? seedAt(origin);
    for (let s = current.stepMs + stepMs; s <= last; s += stepMs) {
      current = nextStepState(current, s, readingsOf(s), rules);
      states.set(`${origin}:${s}`, current);
    }
    return current;
  };

  function seedAt(origin: SimTime): StepState {
    return seeds.getOrCreate(origin, () => {
      const empty = emptyStepState(origin - stepMs);
      if (traceStopsAt(origin)) return empty;
      // States are cheap; the readings stepped over are the window's own, and are kept.
      let probe = empty;
      for (let s = origin; s <= origin + probeMs; s += stepMs)
        probe = nextStepState(probe, s, readingsOf(s), rules);
      const held = keysHeldFrom(probe, origin);
      if (held.size === 0) return empty;
      // Keys step independently, so seeding only these leaves every other alarm as it was.
      return keepKeys(stateAt(origin - blockMs, origin - stepMs), held);
    });
  }

  const toAlarm = (episode: AlarmEpisode): Alarm => {
    const { reading } = episode;
    return {
      id: alarmId(episode.key, episode.raisedAtMs),
      ruleId: reading.ruleId,
      domain: reading.domain,
      department: reading.department,
      severity: episode.severity,
      status: episode.clearedAtMs === null ? 'open' : 'cleared',
      datasetId: reading.datasetId,
      featureIds: [...reading.featureIds],
      raisedAt: isoWithOffset(episode.raisedAtMs),
      clearedAt: episode.clearedAtMs === null ? null : isoWithOffset(episode.clearedAtMs),
      value: reading.value,
      unit: reading.unit,
      title: reading.title,
      ...locate(reading),
    };
  };

  return {
    at(t) {
      const last = Math.floor(t / stepMs) * stepMs;
      const origin = Math.floor((last - windowMs) / blockMs) * blockMs;
      return snapshots.getOrCreate(`${origin}:${last}`, () => {
        touched = new Map();
        let state: StepState;
        try {
          state = stateAt(origin, last);
        } finally {
          touched = null;
        }
        return {
          observedAtMs: last,
          open: openEpisodes(state).map(toAlarm),
          cleared: [...state.cleared].reverse().map(toAlarm),
        };
      });
    },
    invalidateFrom(fromMs) {
      readings.deleteWhere((step) => step >= fromMs);
      // A window's seed looks at its first `probeMs` of readings (and at earlier windows).
      const seedStale = (origin: SimTime): boolean => origin + probeMs >= fromMs;
      seeds.deleteWhere(seedStale);
      const stale = (key: string): boolean => {
        const colon = key.indexOf(':');
        return Number(key.slice(colon + 1)) >= fromMs || seedStale(Number(key.slice(0, colon)));
      };
      states.deleteWhere(stale);
      snapshots.deleteWhere(stale);
    },
  };
}

/** Stable for the life of the episode: the watched key and the minute it was raised. */
export function alarmId(key: string, raisedAtMs: SimTime): string {
  return `al-${Math.floor(raisedAtMs / 60_000).toString(36)}-${hashString(key).toString(36)}`;
}
