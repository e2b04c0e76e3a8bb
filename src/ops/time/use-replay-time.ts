/**
 * The page's time from the time cursor: live, the source's time; in a replay, the cursor, read
 * at whole minutes so every layer, the KPIs and the alarm list ask for the same instant.
 */
import { useMemo } from 'react';
import type { ReadTime } from '../../data/queries';
import type { DisplayTime } from '../../ui/display-time';
import { readTime } from './replay-time';
import { useTimeStore } from './time-store';

export interface ReplayTime {
  /** What "now" is on the page. */
  readonly displayTime: DisplayTime;
  /** The time every read is made at: null, live. */
  readonly readAt: ReadTime;
}

export function useReplayTime(sourceTime: DisplayTime): ReplayTime {
  const cursor = useTimeStore((state) => state.cursor);
  const playing = useTimeStore((state) => state.playing);
  const speed = useTimeStore((state) => state.speed);
  return useMemo(
    () =>
      cursor === null
        ? { displayTime: sourceTime, readAt: null }
        : {
            displayTime: { at: () => cursor, rate: playing ? speed : 0, replay: true },
            readAt: readTime(cursor),
          },
    [cursor, playing, speed, sourceTime],
  );
}
