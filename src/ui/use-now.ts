import { useSyncExternalStore } from 'react';
import { afterCameraMoves } from './camera-motion';

/**
 * One clock per interval for the whole page: every component reading the time at the same
 * interval sees the same tick and re-renders in the same commit, rather than each on a timer of
 * its own (a dozen status lines would otherwise mean a dozen renders a second).
 */
interface Clock {
  now: number;
  readonly listeners: Set<() => void>;
  timer: number | null;
  /** Kept with the clock: a new function each render would unsubscribe and subscribe again. */
  readonly subscribe: (listener: () => void) => () => void;
  readonly read: () => number;
}

const clocks = new Map<number, Clock>();

function clockOf(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    const created: Clock = {
      now: Date.now(),
      listeners: new Set(),
      timer: null,
      subscribe: (listener) => subscribe(created, intervalMs, listener),
      read: () => created.now,
    };
    clocks.set(intervalMs, created);
    clock = created;
  }
  return clock;
}

function subscribe(clock: Clock, intervalMs: number, listener: () => void): () => void {
  clock.listeners.add(listener);
  if (clock.timer === null) {
    // A clock nobody read for a while starts from the time now, not from when it last ticked.
    clock.now = Date.now();
    clock.timer = window.setInterval(() => {
      // A tick is not worth a frame of a moving map: it shows once the camera rests.
      afterCameraMoves(() => {
        clock.now = Date.now();
        for (const notify of clock.listeners) notify();
      });
    }, intervalMs);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0 && clock.timer !== null) {
      window.clearInterval(clock.timer);
      clock.timer = null;
    }
  };
}

/** The current time, re-read every `intervalMs`: for ages ("12 s ago") that must keep counting. */
export function useNow(intervalMs = 1_000): number {
  const clock = clockOf(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.read);
}
