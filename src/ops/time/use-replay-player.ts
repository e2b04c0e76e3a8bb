/**
 * Plays the replay: while playing, the cursor moves at its speed, but only once everything read
 * at the current time has arrived, so the layers, the KPIs and the alarm list always show the
 * same instant (on a slow source the replay slows down rather than tearing apart).
 */
import { useIsFetching } from '@tanstack/react-query';
import { useEffect, useEffectEvent } from 'react';
import { advanceCursor } from './replay-time';
import { useTimeStore } from './time-store';

const TICK_MS = 500;

/** Whether a query reads the past (its options carry the time in `meta.at`). */
function readsThePast(query: { meta?: Record<string, unknown> }): boolean {
  return typeof query.meta?.at === 'number';
}

export function useReplayPlayer(sourceNow: () => number): void {
  const playing = useTimeStore((state) => state.playing && state.cursor !== null);
  const busy = useIsFetching({ predicate: (query) => readsThePast(query.options) }) > 0;
  const advance = useEffectEvent((elapsed: number) => {
    const { cursor, speed, replayAt } = useTimeStore.getState();
    if (cursor !== null) replayAt(advanceCursor(cursor, speed, elapsed, sourceNow()));
  });

  // Waiting for data does not count as played time: the clock restarts when the data is in.
  useEffect(() => {
    if (!playing || busy) return;
    let last = performance.now();
    const timer = window.setInterval(() => {
      const tick = performance.now();
      advance(tick - last);
      last = tick;
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [playing, busy]);
}
