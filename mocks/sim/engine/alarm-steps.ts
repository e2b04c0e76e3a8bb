/**
 * One step of the alarm rules' hold times and hysteresis, as a pure function of the previous
 * step's state and this step's readings. A condition raises an alarm once `level ≥ 1` has held for
 * the rule's raise hold, and clears it once `level < clearBelow` has held for the clear hold; in
 * between (the hysteresis band) an open alarm stays open and a pending one starts over.
 */
import type { AlarmReading, AlarmRule, AlarmSeverity, SimTime } from '../types';

/** One alarm from raise to clear: what the list, the map and the details panel show. */
export interface AlarmEpisode {
  readonly key: string;
  readonly raisedAtMs: SimTime;
  /** When the condition that raised it began (the raise hold before `raisedAtMs`). */
  readonly heldSinceMs: SimTime;
  readonly clearedAtMs: SimTime | null;
  /** The highest severity seen while open: an alarm never looks less urgent than it was. */
  readonly severity: AlarmSeverity;
  /** The latest reading at or beyond the clear threshold. */
  readonly reading: AlarmReading;
}

interface KeyState {
  /** When `level ≥ 1` began, while waiting out the raise hold. */
  readonly pendingSince: SimTime | null;
  readonly open: AlarmEpisode | null;
  /** When `level < clearBelow` began, while waiting out the clear hold. */
  readonly clearingSince: SimTime | null;
  readonly ruleId: string;
}

export interface StepState {
  readonly stepMs: SimTime;
  /** Keys that are pending or open; everything else is idle. */
  readonly keys: ReadonlyMap<string, KeyState>;
  /** Episodes cleared since the window began, oldest first. */
  readonly cleared: readonly AlarmEpisode[];
}

/** Used for a reading whose rule no model declares: raise and clear at once, no band. */
const DEFAULT_RULE: Omit<AlarmRule, 'id'> = { raiseHoldS: 0, clearHoldS: 0, clearBelow: 1 };

export function emptyStepState(stepMs: SimTime): StepState {
  return { stepMs, keys: new Map(), cleared: [] };
}

export function nextStepState(
  previous: StepState,
  stepMs: SimTime,
  readings: readonly AlarmReading[],
  rules: ReadonlyMap<string, AlarmRule>,
): StepState {
  // Several readings of one key in a step: the worst one counts.
  const byKey = new Map<string, AlarmReading>();
  for (const reading of readings) {
    const seen = byKey.get(reading.key);
    if (!seen || reading.level > seen.level) byKey.set(reading.key, reading);
  }
  const keys = new Map<string, KeyState>();
  let cleared = previous.cleared;
  const visit = (key: string): void => {
    const state = previous.keys.get(key);
    const reading = byKey.get(key);
    const ruleId = reading?.ruleId ?? state?.ruleId ?? '';
    const rule = rules.get(ruleId) ?? DEFAULT_RULE;
    const level = reading?.level ?? 0;
    if (state?.open) {
      if (reading && level >= rule.clearBelow) {
        const severity = Math.max(state.open.severity, reading.severity) as AlarmSeverity;
        keys.set(key, {
          ...state,
          clearingSince: null,
          open: { ...state.open, reading, severity },
        });
        return;
      }
      const since = state.clearingSince ?? stepMs;
      if (stepMs - since >= rule.clearHoldS * 1000) {
        if (cleared === previous.cleared) cleared = [...previous.cleared];
        (cleared as AlarmEpisode[]).push({ ...state.open, clearedAtMs: stepMs });
      } else {
        keys.set(key, { ...state, clearingSince: since });
      }
      return;
    }
    if (!reading || level < 1) return;
    const since = state?.pendingSince ?? stepMs;
    if (stepMs - since >= rule.raiseHoldS * 1000) {
      const open: AlarmEpisode = {
        key,
        raisedAtMs: stepMs,
        heldSinceMs: since,
        clearedAtMs: null,
        severity: reading.severity,
        reading,
      };
      keys.set(key, { pendingSince: null, open, clearingSince: null, ruleId });
    } else {
      keys.set(key, { pendingSince: since, open: null, clearingSince: null, ruleId });
    }
  };
  for (const key of previous.keys.keys()) visit(key);
  for (const key of byKey.keys()) if (!previous.keys.has(key)) visit(key);
  return { stepMs, keys, cleared };
}

/** The alarms open after a step, in the order they were raised. */
export function openEpisodes(state: StepState): AlarmEpisode[] {
  const open: AlarmEpisode[] = [];
  for (const key of state.keys.values()) if (key.open) open.push(key.open);
  return open.sort((a, b) => a.raisedAtMs - b.raisedAtMs || (a.key < b.key ? -1 : 1));
}

/** Keys of the episodes open in `state` whose condition was already held at `originMs`. */
export function keysHeldFrom(state: StepState, originMs: SimTime): Set<string> {
  const keys = new Set<string>();
  for (const key of state.keys.values())
    if (key.open?.heldSinceMs === originMs) keys.add(key.open.key);
  return keys;
}

/** The state of only `keys` (pending or open), as a seed to step on from; nothing cleared yet. */
export function keepKeys(state: StepState, keys: ReadonlySet<string>): StepState {
  const kept = new Map<string, KeyState>();
  for (const key of keys) {
    const found = state.keys.get(key);
    if (found) kept.set(key, found);
  }
  return { stepMs: state.stepMs, keys: kept, cleared: [] };
}
