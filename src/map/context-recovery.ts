/**
 * What the map does when its WebGL context is lost (a GPU reset on a wall screen that runs for
 * days): wait for the browser to give the context back, or a few seconds at most, then create the
 * map again; and give up (the page reloads) when losses keep coming or the new map cannot draw.
 *
 * Pure: the map view feeds it events with their times and acts on the state it returns. The
 * clock is the caller's (a monotonic one: a wall clock moved by NTP must not fake a burst).
 */

export interface RecoveryPolicy {
  /** Losses closer together than this count towards giving up. */
  readonly windowMs: number;
  /** This many losses within the window: the GPU is not settling, recreating again is futile. */
  readonly maxLosses: number;
  /**
   * How long to wait for `webglcontextrestored` before recreating anyway: the browser may never
   * restore a context (it stops restoring a page's contexts after repeated GPU crashes).
   */
  readonly restoreTimeoutMs: number;
}

export const DEFAULT_RECOVERY_POLICY: RecoveryPolicy = {
  windowMs: 10 * 60_000,
  maxLosses: 3,
  restoreTimeoutMs: 5_000,
};

/**
 * - `running`: the map draws (or is starting for the first time).
 * - `lost`: the context is gone; waiting for the browser to restore it (or for the timeout).
 * - `recreating`: a new map was asked for and has not loaded yet.
 * - `given-up`: recovery failed; the page has to reload.
 */
export type RecoveryPhase = 'running' | 'lost' | 'recreating' | 'given-up';

export interface RecoveryState {
  readonly phase: RecoveryPhase;
  /** Bumped whenever the map must be torn down and created again. */
  readonly generation: number;
  /** When the losses within the window happened, oldest first. */
  readonly losses: readonly number[];
}

export type RecoveryEvent =
  /** `webglcontextlost` on the live map's canvas, at `at` (the caller's monotonic clock). */
  | { readonly type: 'lost'; readonly at: number }
  /** `webglcontextrestored`: the GPU is back, a new context can be had. */
  | { readonly type: 'restored' }
  /** The context was not restored within `restoreTimeoutMs`. */
  | { readonly type: 'restore-timeout' }
  /** The (new) map has loaded. */
  | { readonly type: 'loaded' }
  /** Creating the map threw (no WebGL context to be had). */
  | { readonly type: 'creation-failed' };

export const INITIAL_RECOVERY_STATE: RecoveryState = {
  phase: 'running',
  generation: 0,
  losses: [],
};

/** The losses still inside the window that ends at `now`. */
export function lossesWithin(
  losses: readonly number[],
  now: number,
  windowMs: number,
): readonly number[] {
  return losses.filter((at) => now - at < windowMs);
}

export function nextRecoveryState(
  state: RecoveryState,
  event: RecoveryEvent,
  policy: RecoveryPolicy = DEFAULT_RECOVERY_POLICY,
): RecoveryState {
  // Giving up is final: the page reloads (or, without a handler, the notice stays up).
  if (state.phase === 'given-up') return state;
  switch (event.type) {
    case 'lost': {
      const losses = [...lossesWithin(state.losses, event.at, policy.windowMs), event.at];
      return {
        ...state,
        losses,
        phase: losses.length >= policy.maxLosses ? 'given-up' : 'lost',
      };
    }
    case 'restored':
    case 'restore-timeout':
      // Only the first of the two counts; the other one (a late restore after the timeout, a
      // timeout that fires anyway) finds the map already being recreated.
      return state.phase === 'lost'
        ? { ...state, phase: 'recreating', generation: state.generation + 1 }
        : state;
    case 'loaded':
      return state.phase === 'recreating' ? { ...state, phase: 'running' } : state;
    case 'creation-failed':
      // Only a recreation gives up: the first map failing is "no WebGL here", which a reload
      // would not cure (it would reload forever); that is reported as a map error instead.
      return state.phase === 'recreating' ? { ...state, phase: 'given-up' } : state;
  }
}

/** What to tell the operator over the map, if anything. */
export type ContextNoticeKind = 'restoring' | 'failed';

export function noticeFor(phase: RecoveryPhase): ContextNoticeKind | null {
  switch (phase) {
    case 'running':
      return null;
    case 'lost':
    case 'recreating':
      return 'restoring';
    case 'given-up':
      return 'failed';
  }
}
