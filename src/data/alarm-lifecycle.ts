/**
 * The lifecycle rules of the REST contract: which action is allowed from which step and where it
 * leads. The console uses them to offer only the actions that can succeed, and to show an action
 * at once (optimistically) while it is still on its way to the source.
 */
import {
  ALARM_ACTIONS,
  type AlarmAction,
  type AlarmActionKind,
  type Lifecycle,
  type LifecycleStep,
} from './alarm-schemas';

export type StepAction = Exclude<AlarmActionKind, 'note'>;

/** From which steps each action may be taken, and where it leads. Notes go with any step. */
export const TRANSITIONS: Readonly<
  Record<StepAction, { readonly from: readonly LifecycleStep[]; readonly to: LifecycleStep }>
> = {
  acknowledge: { from: ['new'], to: 'acknowledged' },
  // Again from dispatched: sending another department or unit instead.
  dispatch: { from: ['new', 'acknowledged', 'dispatched'], to: 'dispatched' },
  arrive: { from: ['dispatched'], to: 'on-scene' },
  resolve: { from: ['acknowledged', 'dispatched', 'on-scene'], to: 'resolved' },
  close: { from: ['resolved'], to: 'closed' },
};

export function isAllowed(action: AlarmActionKind, step: LifecycleStep): boolean {
  return action === 'note' || TRANSITIONS[action].from.includes(step);
}

/** Actions that move the alarm on (notes do not, and never conflict). */
export function changesStep(action: AlarmActionKind): action is StepAction {
  return action !== 'note';
}

/** The actions offered from a step, in the order of the lifecycle. */
export function allowedActions(step: LifecycleStep): AlarmActionKind[] {
  return ALARM_ACTIONS.filter((action) => isAllowed(action, step));
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
  const step = TRANSITIONS[action.action].to;
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
