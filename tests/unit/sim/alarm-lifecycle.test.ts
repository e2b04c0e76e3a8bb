/**
 * The lifecycle of alarms: which action is allowed from which step, versions that only
 * state-changing actions raise, idempotent action ids, conflicts that say what happened, and
 * replay of the lifecycle at a past time.
 */
import { describe, expect, it } from 'vitest';
import {
  createAlarmLifecycles,
  LIFECYCLE_ACTIONS,
  LIFECYCLE_STEPS,
  MAX_HISTORY,
  TRANSITIONS,
  type ActionRequest,
  type AlarmLifecycles,
  type LifecycleStep,
} from '../../../mocks/sim/engine/alarm-lifecycle';

const T = Date.parse('2026-01-15T08:30:00+08:00');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let next = 0;

function act(
  lifecycles: AlarmLifecycles,
  action: ActionRequest['action'],
  expectedVersion: number,
  atMs: number,
  extra: Partial<ActionRequest> = {},
  alarmId = 'al-1',
) {
  return lifecycles.apply(
    alarmId,
    { actionId: `a-${++next}`, action, expectedVersion, ...extra },
    atMs,
  );
}

/** A lifecycle brought to `step` along the usual path. */
function at(step: LifecycleStep): AlarmLifecycles {
  const lifecycles = createAlarmLifecycles();
  const path: ActionRequest['action'][] = ['acknowledge', 'dispatch', 'arrive', 'resolve', 'close'];
  const target = LIFECYCLE_STEPS.indexOf(step);
  path
    .slice(0, target)
    .forEach((action, i) =>
      expect(act(lifecycles, action, i, T + i * MINUTE, { department: 'drainage' }).kind).toBe(
        'applied',
      ),
    );
  return lifecycles;
}

describe('alarm lifecycles', () => {
  it('start new, at version 0, with no history', () => {
    expect(createAlarmLifecycles().at('al-1', T)).toEqual({
      step: 'new',
      version: 0,
      stepSinceMs: null,
      department: null,
      assignee: null,
      history: [],
    });
  });

  it('go new → acknowledged → dispatched → on scene → resolved → closed', () => {
    const lifecycles = createAlarmLifecycles();
    act(lifecycles, 'acknowledge', 0, T, { operator: 'Li' });
    act(lifecycles, 'dispatch', 1, T + MINUTE, { department: 'drainage', assignee: 'Crew 3' });
    act(lifecycles, 'arrive', 2, T + 9 * MINUTE);
    act(lifecycles, 'resolve', 3, T + 30 * MINUTE, { note: 'pumped dry' });
    act(lifecycles, 'close', 4, T + 31 * MINUTE);
    const lifecycle = lifecycles.at('al-1', T + HOUR);
    expect(lifecycle).toMatchObject({
      step: 'closed',
      version: 5,
      stepSinceMs: T + 31 * MINUTE,
      department: 'drainage',
      assignee: 'Crew 3',
    });
    expect(lifecycle.history.map((entry) => [entry.action, entry.step])).toEqual([
      ['acknowledge', 'acknowledged'],
      ['dispatch', 'dispatched'],
      ['arrive', 'on-scene'],
      ['resolve', 'resolved'],
      ['close', 'closed'],
    ]);
    expect(lifecycle.history[0]).toMatchObject({
      operator: 'Li',
      department: null,
      assignee: null,
      note: null,
    });
    expect(lifecycle.history[1]).toMatchObject({ department: 'drainage', assignee: 'Crew 3' });
    expect(lifecycle.history[3]).toMatchObject({ note: 'pumped dry' });
  });

  it('allow each action exactly from the steps of the transition table', () => {
    for (const step of LIFECYCLE_STEPS) {
      for (const action of LIFECYCLE_ACTIONS) {
        const lifecycles = at(step);
        const { version } = lifecycles.at('al-1', T + HOUR);
        const outcome = act(lifecycles, action, version, T + HOUR, {
          department: 'fire-brigade',
          note: 'x',
        });
        const allowed = action === 'note' || TRANSITIONS[action].from.includes(step);
        expect(outcome.kind, `${action} from ${step}`).toBe(allowed ? 'applied' : 'conflict');
      }
    }
  });

  it('say why a transition is refused', () => {
    const outcome = act(at('acknowledged'), 'arrive', 1, T + HOUR);
    expect(outcome).toEqual({
      kind: 'conflict',
      reason: 'cannot arrive: the alarm is acknowledged, not dispatched',
    });
    expect(act(at('new'), 'resolve', 0, T + HOUR)).toEqual({
      kind: 'conflict',
      reason: 'cannot resolve: the alarm is new, not acknowledged, dispatched or on-scene',
    });
  });

  it('refuse an action taken on an out-of-date version, saying what changed it', () => {
    const lifecycles = createAlarmLifecycles();
    expect(act(lifecycles, 'acknowledge', 0, T, { operator: 'Li' }).kind).toBe('applied');
    expect(act(lifecycles, 'acknowledge', 0, T + 5_000)).toEqual({
      kind: 'conflict',
      reason:
        'acknowledged by another operator (Li) at 2026-01-15T08:30:00+08:00 (version 1, expected 0)',
    });
    expect(act(lifecycles, 'dispatch', 3, T + 5_000, { department: 'drainage' })).toMatchObject({
      kind: 'conflict',
    });
    expect(act(createAlarmLifecycles(), 'acknowledge', 2, T)).toEqual({
      kind: 'conflict',
      reason: 'the alarm has no action yet (version 0, expected 2)',
    });
    expect(lifecycles.at('al-1', T + HOUR).version).toBe(1);
  });

  it('take notes at any step, whatever the version, without changing step or version', () => {
    const lifecycles = at('dispatched');
    expect(
      act(lifecycles, 'note', 99, T + HOUR, { note: 'caller says water is rising' }).kind,
    ).toBe('applied');
    const lifecycle = lifecycles.at('al-1', T + HOUR);
    expect(lifecycle).toMatchObject({ step: 'dispatched', version: 2 });
    expect(lifecycle.history.at(-1)).toMatchObject({
      action: 'note',
      step: 'dispatched',
      note: 'caller says water is rising',
      department: null,
    });
  });

  it('keep the step time across a re-dispatch and replace department and assignee', () => {
    const lifecycles = createAlarmLifecycles();
    act(lifecycles, 'dispatch', 0, T, { department: 'drainage', assignee: 'Crew 3' });
    act(lifecycles, 'dispatch', 1, T + MINUTE, { department: 'fire-brigade' });
    expect(lifecycles.at('al-1', T + HOUR)).toMatchObject({
      step: 'dispatched',
      version: 2,
      stepSinceMs: T,
      department: 'fire-brigade',
      assignee: null,
    });
  });

  it('apply an action id once: a repeat on the same alarm is not applied again', () => {
    const lifecycles = createAlarmLifecycles();
    const request: ActionRequest = {
      actionId: 'tab-1-7',
      action: 'acknowledge',
      expectedVersion: 0,
    };
    expect(lifecycles.apply('al-1', request, T).kind).toBe('applied');
    expect(lifecycles.apply('al-1', request, T + MINUTE)).toEqual({ kind: 'repeated' });
    expect(lifecycles.apply('al-1', { ...request, action: 'note', note: 'x' }, T)).toEqual({
      kind: 'repeated',
    });
    expect(lifecycles.apply('al-2', request, T)).toEqual({
      kind: 'conflict',
      reason: 'action id tab-1-7 was used on another alarm',
    });
    expect(lifecycles.at('al-1', T + HOUR).history).toHaveLength(1);
    expect(lifecycles.actions()).toHaveLength(1);
  });

  it('replay: the lifecycle at a time is made of the actions taken by then', () => {
    const lifecycles = createAlarmLifecycles();
    act(lifecycles, 'acknowledge', 0, T + 1_500);
    act(lifecycles, 'dispatch', 1, T + 10 * MINUTE, { department: 'water-utility' });
    expect(lifecycles.at('al-1', T).step).toBe('new');
    // Stamped on the whole second, so its ISO time replays it exactly.
    expect(lifecycles.at('al-1', T + 1_000)).toMatchObject({
      step: 'acknowledged',
      version: 1,
      stepSinceMs: T + 1_000,
    });
    expect(lifecycles.at('al-1', T + 10 * MINUTE - 1)).toMatchObject({ step: 'acknowledged' });
    expect(lifecycles.at('al-1', T + 10 * MINUTE)).toMatchObject({
      step: 'dispatched',
      version: 2,
    });
    expect(lifecycles.at('al-2', T + HOUR).step).toBe('new');
  });

  it('refuse state changes before actions already taken (the clock was moved back)', () => {
    const lifecycles = createAlarmLifecycles();
    act(lifecycles, 'acknowledge', 0, T + 10 * MINUTE);
    // At T the alarm is still new, but acknowledging it then would rewrite what followed.
    expect(act(lifecycles, 'acknowledge', 0, T)).toEqual({
      kind: 'conflict',
      reason:
        "acknowledged by another operator at 2026-01-15T08:40:00+08:00, after the clock's time (the clock was moved back)",
    });
    // A note changes no state: it is taken, and listed in time order.
    expect(act(lifecycles, 'note', 0, T, { note: 'earlier' }).kind).toBe('applied');
    expect(lifecycles.at('al-1', T + HOUR).history.map((entry) => entry.action)).toEqual([
      'note',
      'acknowledge',
    ]);
  });

  it('bound the history of one alarm', () => {
    const lifecycles = createAlarmLifecycles();
    for (let i = 0; i < MAX_HISTORY; i++) act(lifecycles, 'note', 0, T, { note: `${i}` });
    expect(act(lifecycles, 'acknowledge', 0, T)).toEqual({
      kind: 'conflict',
      reason: `the alarm's history is full (${MAX_HISTORY} entries)`,
    });
  });

  it('tell listeners of every action taken, and count them', () => {
    const lifecycles = createAlarmLifecycles();
    const heard: string[] = [];
    const stop = lifecycles.subscribe((action) => heard.push(action.actionId));
    act(lifecycles, 'acknowledge', 0, T);
    act(lifecycles, 'acknowledge', 0, T); // refused: nothing to tell
    stop();
    act(lifecycles, 'note', 0, T, { note: 'x' });
    expect(heard).toHaveLength(1);
    expect(lifecycles.revision()).toBe(2);
  });
});
