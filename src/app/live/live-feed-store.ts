/**
 * How the page's live feed stands, kept in a small store outside React: it changes every second
 * with the observation rate, and only what shows it should re-render.
 */
import type { LiveStreamStatus } from '../../data/live-stream';

export interface LiveFeedState {
  /** `off`: the adapter does not push (or there is nothing live to push); reads poll. */
  readonly kind: 'off' | LiveStreamStatus['kind'];
  /** Observations (rows of live state) received per second, over the last 30 s. */
  readonly observationsPerS: number;
  /** Why the stream is down or unavailable. */
  readonly message: string | null;
  /** Events the feed dropped as unreadable since the page opened it, and why the last one was. */
  readonly droppedEvents: number;
  readonly lastProblem: string | null;
}

export interface LiveFeed {
  subscribe(listener: () => void): () => void;
  get(): LiveFeedState;
}

export const OFF: LiveFeedState = {
  kind: 'off',
  observationsPerS: 0,
  message: null,
  droppedEvents: 0,
  lastProblem: null,
};

export function createFeedStore() {
  let state = OFF;
  const listeners = new Set<() => void>();
  /** Listeners hear only of a change. */
  const set = (next: Partial<LiveFeedState>) => {
    const merged = { ...state, ...next };
    if ((Object.keys(merged) as (keyof LiveFeedState)[]).every((k) => merged[k] === state[k]))
      return;
    state = merged;
    for (const listener of [...listeners]) listener();
  };
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: () => state,
    set,
    /** Events dropped as unreadable, each with why. */
    dropped(problems: readonly string[]) {
      if (problems.length === 0) return;
      set({
        droppedEvents: state.droppedEvents + problems.length,
        lastProblem: problems.at(-1)!,
      });
    },
  };
}
