/**
 * What operators did about each alarm: acknowledged it, dispatched it to a department (and maybe
 * a named unit or person), marked it on scene, resolved and closed it, with notes at any step.
 * The actions are an append-only log of the world, like its event log: every screen of the world
 * sees them, and the lifecycle at a time T is made of the actions taken up to T, so replaying a
 * past time shows what operators had done by then. Actions never change the simulation: an alarm
 * clears when its condition does, whatever its lifecycle says.
 *
 * Writes are safe to retry and to race: each action carries a client-made id (a repeated id is
 * not applied again) and the version the operator saw (a state-changing action taken on an
 * out-of-date view is refused, so two operators cannot both acknowledge the same alarm).
 */
import { TRANSITIONS, type StepAction } from '../../../src/data/alarm-lifecycle';
import {
  ALARM_ACTIONS,
  LIFECYCLE_STEPS,
  type AlarmActionKind,
  type LifecycleStep,
} from '../../../src/data/alarm-schemas';
import { isoWithOffset } from '../../live/clock';
import type { Department, SimTime } from '../types';

export { LIFECYCLE_STEPS, TRANSITIONS };
export type { LifecycleStep };
/** The contract's actions (src/data/alarm-schemas.ts), under the name the backend uses. */
export const LIFECYCLE_ACTIONS = ALARM_ACTIONS;
export type LifecycleAction = AlarmActionKind;

/** What an action reads like in a conflict message. */
const DONE: Readonly<Record<StepAction, string>> = {
  acknowledge: 'acknowledged',
  dispatch: 'dispatched',
  arrive: 'marked on scene',
  resolve: 'resolved',
  close: 'closed',
};

/** Entries one alarm's history may hold: a bound on what one alarm can make a screen draw. */
export const MAX_HISTORY = 1000;

/** One action as an operator's screen sends it (already validated). */
export interface ActionRequest {
  /** Made by the client, unique per action: a retry sends the same id. */
  readonly actionId: string;
  readonly action: LifecycleAction;
  /** The lifecycle version the operator saw; ignored for notes. */
  readonly expectedVersion: number;
  /** For dispatch (required there; other actions ignore it). */
  readonly department?: Department;
  /** For dispatch: the unit or person sent (other actions ignore it). */
  readonly assignee?: string;
  readonly note?: string;
  readonly operator?: string;
}

/** An action as logged: one entry of an alarm's history. */
export interface LoggedAction {
  readonly actionId: string;
  readonly alarmId: string;
  readonly action: LifecycleAction;
  /** Simulated time, on a whole second (so that its ISO form replays exactly). */
  readonly atMs: SimTime;
  /** The step after the action. */
  readonly step: LifecycleStep;
  readonly department: Department | null;
  readonly assignee: string | null;
  readonly note: string | null;
  readonly operator: string | null;
}

export interface Lifecycle {
  readonly step: LifecycleStep;
  /** State-changing actions applied so far (notes do not count). */
  readonly version: number;
  /** When the current step began; null while new (the alarm's raise). */
  readonly stepSinceMs: SimTime | null;
  readonly department: Department | null;
  readonly assignee: string | null;
  /** Oldest first. */
  readonly history: readonly LoggedAction[];
}

export type ActionOutcome =
  | { readonly kind: 'applied'; readonly action: LoggedAction }
  /** The action id was used on this alarm before: nothing was applied again. */
  | { readonly kind: 'repeated' }
  /** Not applied; the reason reads like "acknowledged by another operator at …". */
  | { readonly kind: 'conflict'; readonly reason: string };

export interface AlarmLifecycles {
  /** The lifecycle of an alarm made of the actions taken up to `t`. */
  at(alarmId: string, t: SimTime): Lifecycle;
  /** Takes an action at the simulated time `nowMs` (validated against the lifecycle then). */
  apply(alarmId: string, request: ActionRequest, nowMs: SimTime): ActionOutcome;
  /** Every action, in the order they were taken. */
  actions(): readonly LoggedAction[];
  /** How many actions were taken: it changes with every one. */
  revision(): number;
  /** Called after every action; returns the unsubscribe function. */
  subscribe(listener: (action: LoggedAction) => void): () => void;
}

const NEW: Lifecycle = {
  step: 'new',
  version: 0,
  stepSinceMs: null,
  department: null,
  assignee: null,
  history: [],
};

function lifecycleOf(actions: readonly LoggedAction[], t: SimTime): Lifecycle {
  let lifecycle = NEW;
  const history: LoggedAction[] = [];
  for (const action of actions) {
    if (action.atMs > t) continue;
    history.push(action);
    if (action.action === 'note') continue;
    const dispatch = action.action === 'dispatch';
    lifecycle = {
      step: action.step,
      version: lifecycle.version + 1,
      // A re-dispatch stays in the step it is in.
      stepSinceMs: action.step === lifecycle.step ? lifecycle.stepSinceMs : action.atMs,
      department: dispatch ? action.department : lifecycle.department,
      assignee: dispatch ? action.assignee : lifecycle.assignee,
      history: [],
    };
  }
  if (history.length === 0) return NEW;
  // Only a note taken after the clock was moved back can be out of time order.
  history.sort((a, b) => a.atMs - b.atMs);
  return { ...lifecycle, history };
}

function orList(items: readonly string[]): string {
  return items.length < 2
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function describe(action: LoggedAction): string {
  const done = action.action === 'note' ? 'noted' : DONE[action.action];
  const to = action.action === 'dispatch' && action.department ? ` to ${action.department}` : '';
  const by = action.operator === null ? '' : ` (${action.operator})`;
  return `${done}${to} by another operator${by} at ${isoWithOffset(action.atMs)}`;
}

function versionConflict(lifecycle: Lifecycle, expected: number): string {
  const last = lifecycle.history.findLast((action) => action.action !== 'note');
  const versions = `version ${lifecycle.version}, expected ${expected}`;
  return last ? `${describe(last)} (${versions})` : `the alarm has no action yet (${versions})`;
}

export function createAlarmLifecycles(): AlarmLifecycles {
  const log: LoggedAction[] = [];
  const byAlarm = new Map<string, LoggedAction[]>();
  /** Action id → the alarm it was taken on. */
  const owners = new Map<string, string>();
  const listeners = new Set<(action: LoggedAction) => void>();

  return {
    at: (alarmId, t) => lifecycleOf(byAlarm.get(alarmId) ?? [], t),
    apply(alarmId, request, nowMs) {
      const owner = owners.get(request.actionId);
      if (owner !== undefined) {
        return owner === alarmId
          ? { kind: 'repeated' }
          : { kind: 'conflict', reason: `action id ${request.actionId} was used on another alarm` };
      }
      const atMs = Math.floor(nowMs / 1000) * 1000;
      const actions = byAlarm.get(alarmId) ?? [];
      if (actions.length === 0) byAlarm.set(alarmId, actions);
      if (actions.length >= MAX_HISTORY)
        return { kind: 'conflict', reason: `the alarm's history is full (${MAX_HISTORY} entries)` };
      const current = lifecycleOf(actions, atMs);
      let step = current.step;
      if (request.action !== 'note') {
        // Taking it would slip an action in before ones already taken: the clock was moved back.
        const later = actions.find((action) => action.action !== 'note' && action.atMs > atMs);
        if (later)
          return {
            kind: 'conflict',
            reason: `${describe(later)}, after the clock's time (the clock was moved back)`,
          };
        if (request.expectedVersion !== current.version)
          return { kind: 'conflict', reason: versionConflict(current, request.expectedVersion) };
        const transition = TRANSITIONS[request.action];
        if (!transition.from.includes(current.step))
          return {
            kind: 'conflict',
            reason: `cannot ${request.action}: the alarm is ${current.step}, not ${orList(transition.from)}`,
          };
        step = transition.to;
      }
      const dispatch = request.action === 'dispatch';
      const action: LoggedAction = {
        actionId: request.actionId,
        alarmId,
        action: request.action,
        atMs,
        step,
        department: dispatch ? (request.department ?? null) : null,
        assignee: dispatch ? (request.assignee ?? null) : null,
        note: request.note ?? null,
        operator: request.operator ?? null,
      };
      log.push(action);
      actions.push(action);
      owners.set(action.actionId, alarmId);
      for (const listener of [...listeners]) listener(action);
      return { kind: 'applied', action };
    },
    actions: () => [...log],
    revision: () => log.length,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
