/**
 * The lifecycle rules of the REST contract: which action is allowed from which step and where it
 * leads. The console uses them to offer only the actions that can succeed, and to show an action
 * at once (optimistically) while it is still on its way to the source.
 */
import type { AlarmAction, AlarmActionKind, Lifecycle, LifecycleStep } from './alarm-schemas';

const FROM: Readonly<Record<AlarmActionKind, readonly LifecycleStep[] | 'any'>> = {
  acknowledge: ['new'],
  dispatch: ['new', 'acknowledged', 'dispatched'],
  arrive: ['dispatched'],
  resolve: ['acknowledged', 'dispatched', 'on-scene'],
  close: ['resolved'],
  note: 'any',
};

const TO: Readonly<Record<Exclude<AlarmActionKind, 'note'>, LifecycleStep>> = {
  acknowledge: 'acknowledged',
  dispatch: 'dispatched',
  arrive: 'on-scene',
  resolve: 'resolved',
  close: 'closed',
};

export function isAllowed(action: AlarmActionKind, step: LifecycleStep): boolean {
  const from = FROM[action];
  return from === 'any' || from.includes(step);
}

/** Actions that move the alarm on (notes do not, and never conflict). */
export function changesStep(action: AlarmActionKind): action is Exclude<AlarmActionKind, 'note'> {
  return action !== 'note';
}

/** The actions offered from a step, in the order of the lifecycle. */
export function allowedActions(step: LifecycleStep): AlarmActionKind[] {
  return (Object.keys(FROM) as AlarmActionKind[]).filter((action) => isAllowed(action, step));
}

/**
 * The lifecycle after `action`, as the source will make it; `at` is when it was taken. An action
 * the step does not allow leaves the lifecycle as it is (the source will refuse it).
 */
export function applyAction(lifecycle: Lifecycle, action: AlarmAction, at: string): Lifecycle {
  if (!isAllowed(action.action, lifecycle.step)) return lifecycle;
  const entryBase = {
    actionId: action.actionId,
    action: action.action,
    at,
    note: action.note ?? null,
    operator: action.operator ?? null,
  };
  if (!changesStep(action.action)) {
    return {
      ...lifecycle,
      history: [
        ...lifecycle.history,
        {
          ...entryBase,
          step: lifecycle.step,
          department: null,
          assignee: null,
        },
      ],
    };
  }
  const step = TO[action.action];
  const dispatch = action.action === 'dispatch';
  const department = dispatch ? (action.department ?? null) : lifecycle.department;
  const assignee = dispatch ? (action.assignee ?? null) : lifecycle.assignee;
  return {
    step,
    version: lifecycle.version + 1,
    stepSince: step === lifecycle.step ? lifecycle.stepSince : at,
    department,
    assignee,
    history: [
      ...lifecycle.history,
      {
        ...entryBase,
        step,
        department: dispatch ? department : null,
        assignee: dispatch ? assignee : null,
      },
    ],
  };
}
