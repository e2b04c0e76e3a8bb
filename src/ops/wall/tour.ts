/**
 * The wall's tour as plain state: it shows one view after another in a loop, and a new alarm at
 * or above the pre-empting severity interrupts it (shown for a while), after which the view it
 * interrupted starts again. Time is passed in, so the tour is tested without a clock.
 */

export interface TourView {
  /** The area shown (null: the whole city). */
  readonly areaId: string | null;
  /** The layers shown (null: as they are). */
  readonly layers: readonly string[] | null;
  readonly durationMs: number;
}

export type TourState =
  | {
      readonly kind: 'touring';
      readonly index: number;
      readonly since: number;
      /** Counts the views shown: the same view on the next loop is a new one. */
      readonly seq: number;
    }
  | {
      readonly kind: 'featuring';
      readonly alarmId: string;
      readonly since: number;
      /** The view to start again afterwards. */
      readonly resume: number;
      readonly seq: number;
    };

/** The tour at its first view, or at `index` (a reload comes back to the view it showed). */
export function startTour(now: number, index = 0): TourState {
  return { kind: 'touring', index, since: now, seq: 0 };
}

/** Where the tour stands at `now`: the next view once a view's time is up, the tour again once an alarm's. */
export function advanceTour(
  state: TourState,
  views: readonly TourView[],
  holdMs: number,
  now: number,
): TourState {
  if (state.kind === 'featuring') {
    return now - state.since >= holdMs
      ? { kind: 'touring', index: state.resume, since: now, seq: state.seq + 1 }
      : state;
  }
  if (views.length === 0) return state;
  const index = state.index % views.length;
  const view = views[index]!;
  // The index is kept as it is while its view lasts: a default tour grows once the city's
  // districts are known, and a reload may start at a view beyond the few known before that.
  if (now - state.since < view.durationMs) return state;
  return { kind: 'touring', index: (index + 1) % views.length, since: now, seq: state.seq + 1 };
}

/** A new alarm interrupts the tour (or the alarm being shown: the newest one wins). */
export function featureAlarm(state: TourState, alarmId: string, now: number): TourState {
  const resume = state.kind === 'touring' ? state.index : state.resume;
  return { kind: 'featuring', alarmId, since: now, resume, seq: state.seq + 1 };
}

/**
 * Alarms that should pre-empt the tour: open, at or above the severity, and not among those
 * already known (the page does not pre-empt for what stood before it started).
 */
export function preemptingAlarms<
  A extends { id: string; severity: number; status: string; raisedAt: string },
>(alarms: readonly A[], known: ReadonlySet<string>, minSeverity: number): A[] {
  return alarms
    .filter(
      (alarm) => alarm.status === 'open' && alarm.severity >= minSeverity && !known.has(alarm.id),
    )
    .sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
}
