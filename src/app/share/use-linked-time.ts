/**
 * The link's time cursor, applied once the source's time is known: a time within the last 24
 * hours starts a replay there; one outside them (an old link, a hand edit) is ignored and said.
 */
import { useEffect, useRef } from 'react';
import { historyStart } from '../../ops/time/replay-time';
import { useTimeStore } from '../../ops/time/time-store';
import type { ViewLink } from './use-view-link';

export function useLinkedTime(
  link: Pick<ViewLink, 'time' | 'ignore'>,
  /** The source's time now; null until it is known (a demo clock not read yet). */
  sourceNow: (() => number) | null,
): void {
  const applied = useRef(false);
  const { time, ignore } = link;
  useEffect(() => {
    if (applied.current || time === null || sourceNow === null) return;
    applied.current = true;
    const now = sourceNow();
    if (time >= historyStart(now) && time < now) useTimeStore.getState().replayAt(time);
    else ignore('t');
  }, [time, ignore, sourceNow]);
}
