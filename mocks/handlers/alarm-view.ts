/**
 * An alarm as the API serves it (`GET /alarms`, `GET /alarms/{id}`, the stream's `alarms` and
 * `alarm` events, `POST /alarms/{id}/actions`): what the alarm engine raised, where it is, and
 * its lifecycle made of the operators' actions up to the time asked for.
 */
import { isoWithOffset } from '../live/clock';
import type { Alarm } from '../sim/engine/alarm-engine';
import type { Lifecycle, LifecycleAction, LifecycleStep } from '../sim/engine/alarm-lifecycle';
import type { World } from '../sim/engine/world';
import type { Department, SimTime } from '../sim/types';

export interface LifecycleEntryView {
  readonly actionId: string;
  readonly action: LifecycleAction;
  readonly at: string;
  /** The step after the action. */
  readonly step: LifecycleStep;
  readonly department: Department | null;
  readonly assignee: string | null;
  readonly note: string | null;
  readonly operator: string | null;
}

export interface LifecycleView {
  readonly step: LifecycleStep;
  readonly version: number;
  /** When the current step began (`raisedAt` while new). */
  readonly stepSince: string;
  readonly department: Department | null;
  readonly assignee: string | null;
  readonly history: readonly LifecycleEntryView[];
}

export type AlarmView = Alarm & { readonly lifecycle: LifecycleView };

export function lifecycleView(lifecycle: Lifecycle, raisedAt: string): LifecycleView {
  return {
    step: lifecycle.step,
    version: lifecycle.version,
    stepSince: lifecycle.stepSinceMs === null ? raisedAt : isoWithOffset(lifecycle.stepSinceMs),
    department: lifecycle.department,
    assignee: lifecycle.assignee,
    history: lifecycle.history.map((entry) => ({
      actionId: entry.actionId,
      action: entry.action,
      at: isoWithOffset(entry.atMs),
      step: entry.step,
      department: entry.department,
      assignee: entry.assignee,
      note: entry.note,
      operator: entry.operator,
    })),
  };
}

/** The alarm with its lifecycle as it was at `t`. */
export function alarmView(world: World, alarm: Alarm, t: SimTime): AlarmView {
  return { ...alarm, lifecycle: lifecycleView(world.lifecycles.at(alarm.id, t), alarm.raisedAt) };
}
