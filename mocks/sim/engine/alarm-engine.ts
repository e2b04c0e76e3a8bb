/**
 * Alarms at a time T: the alarm rules stepped over a fixed global 60 s grid, from the start of a
 * bounded window before T up to T. The window starts on a whole hour (between 3 and 4 hours before
 * T), so every T in that hour steps from the same origin: the same T always gives the same alarms
 * with the same ids, wherever evaluation started, and live mode computes one new step a minute.
 * A condition already held at the window start is seen as raised there (at most once an hour an
 * alarm held for over three hours gets a new start).
 */
import type { LocalizedText } from '../../../src/data/schemas';
import { hashString } from '../../city/prng';
import type { LiveDatasetId } from '../../datasets';
import { isoWithOffset } from '../../live/clock';
import type { AlarmReading, AlarmRule, AlarmSeverity, Department, SimTime } from '../types';
import {
  emptyStepState,
  nextStepState,
  openEpisodes,
  type AlarmEpisode,
  type StepState,
} from './alarm-steps';
import { createLru } from './lru';

export type AlarmStatus = 'open' | 'cleared';

export interface Alarm {
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
  readonly stepMs?: number;
  readonly windowMs?: number;
  /** Window starts are aligned to this; a multiple of the step. */
  readonly blockMs?: number;
}

export const ALARM_STEP_MS = 60_000;
export const ALARM_WINDOW_MS = 3 * 3_600_000;
const ALARM_BLOCK_MS = 3_600_000;

export function createAlarmEngine({
  readingsAt,
  rules,
  stepMs = ALARM_STEP_MS,
  windowMs = ALARM_WINDOW_MS,
  blockMs = ALARM_BLOCK_MS,
}: AlarmEngineOptions): AlarmEngine {
  if (blockMs % stepMs !== 0)
    throw new Error('the window alignment must be a multiple of the step');
  const stepsPerWindow = Math.ceil((windowMs + blockMs) / stepMs);
  // Readings are the expensive part (a whole evaluation each); states are cheap to recompute.
  const readings = createLru<SimTime, readonly AlarmReading[]>(stepsPerWindow + 60);
  const states = createLru<string, StepState>(stepsPerWindow + 60);
  const snapshots = createLru<string, AlarmSnapshot>(16);

  const stateAt = (origin: SimTime, last: SimTime): StepState => {
    let step = last;
    let state: StepState | undefined;
    while (step >= origin && !(state = states.get(`${origin}:${step}`))) step -= stepMs;
    let current = state ?? emptyStepState(origin - stepMs);
    for (let s = current.stepMs + stepMs; s <= last; s += stepMs) {
      const stepReadings = readings.getOrCreate(s, () => readingsAt(s));
      current = nextStepState(current, s, stepReadings, rules);
      states.set(`${origin}:${s}`, current);
    }
    return current;
  };

  return {
    at(t) {
      const last = Math.floor(t / stepMs) * stepMs;
      const origin = Math.floor((last - windowMs) / blockMs) * blockMs;
      return snapshots.getOrCreate(`${origin}:${last}`, () => {
        const state = stateAt(origin, last);
        return {
          observedAtMs: last,
          open: openEpisodes(state).map(toAlarm),
          cleared: [...state.cleared].reverse().map(toAlarm),
        };
      });
    },
    invalidateFrom(fromMs) {
      readings.deleteWhere((step) => step >= fromMs);
      const stale = (key: string): boolean => Number(key.slice(key.indexOf(':') + 1)) >= fromMs;
      states.deleteWhere(stale);
      snapshots.deleteWhere(stale);
    },
  };
}

/** Stable for the life of the episode: the watched key and the minute it was raised. */
export function alarmId(key: string, raisedAtMs: SimTime): string {
  return `al-${Math.floor(raisedAtMs / 60_000).toString(36)}-${hashString(key).toString(36)}`;
}

function toAlarm(episode: AlarmEpisode): Alarm {
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
  };
}
