/**
 * What the operator sees of an alarm: the source's alarm with the actions still on their way
 * applied on top, so an action shows at once. An action the source already lists in the
 * alarm's history is not applied twice.
 */
import { applyAction } from '../../data/alarm-lifecycle';
import type { Alarm } from '../../data/alarm-schemas';
import type { PendingAction } from './outbox';

export interface ViewedAlarm extends Alarm {
  /** Action ids taken here and not yet confirmed by the source. */
  readonly pendingActionIds: readonly string[];
}

export function withPending(alarm: Alarm, pending: readonly PendingAction[]): ViewedAlarm {
  const confirmed = new Set(alarm.lifecycle.history.map((entry) => entry.actionId));
  const mine = pending.filter((p) => p.alarmId === alarm.id && !confirmed.has(p.action.actionId));
  let lifecycle = alarm.lifecycle;
  for (const p of mine) lifecycle = applyAction(lifecycle, p.action, p.takenAt);
  return { ...alarm, lifecycle, pendingActionIds: mine.map((p) => p.action.actionId) };
}
