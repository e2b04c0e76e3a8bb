/**
 * Runs the wall's tour: advances it on a timer, and lets a new alarm at or above the pre-empting
 * severity interrupt it. Alarms that stood before the wall started, or were already featured,
 * never pre-empt it again.
 */
import { useEffect, useRef, useState } from 'react';
import type { ViewedAlarm } from '../alarms/optimistic';
import {
  advanceTour,
  featureAlarm,
  preemptingAlarms,
  startTour,
  type TourState,
  type TourView,
} from './tour';

const TICK_MS = 1_000;

export function useTour(
  views: readonly TourView[],
  options: {
    readonly holdMs: number;
    readonly minSeverity: number;
    /** The alarms as listed now; null until the list has been read once. */
    readonly alarms: readonly ViewedAlarm[] | null;
    /**
     * Whether the wall shows anything yet: the first view's time counts from then, so a slow
     * start (or a reload) does not use it up before anyone sees it.
     */
    readonly running: boolean;
    /** The view to start at (from the page's link after a reload). */
    readonly startIndex?: number;
  },
): TourState {
  const { holdMs, minSeverity, alarms, running, startIndex = 0 } = options;
  const [state, setState] = useState<TourState>(() => startTour(Date.now(), startIndex));
  const known = useRef<Set<string> | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      if (!started.current) {
        started.current = true;
        setState((current) => (current.kind === 'touring' ? { ...current, since: Date.now() } : current));
        return;
      }
      setState((current) => advanceTour(current, views, holdMs, Date.now()));
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [views, holdMs, running]);

  useEffect(() => {
    if (!alarms) return;
    if (!known.current) {
      // What stood before the wall started is not news.
      known.current = new Set(alarms.map((alarm) => alarm.id));
      return;
    }
    const fresh = preemptingAlarms(alarms, known.current, minSeverity);
    for (const alarm of alarms) known.current.add(alarm.id);
    const newest = fresh[0];
    if (newest) setState((current) => featureAlarm(current, newest.id, Date.now()));
  }, [alarms, minSeverity]);

  return state;
}
