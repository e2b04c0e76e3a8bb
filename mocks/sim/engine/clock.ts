/**
 * The simulation clock of one demo backend, shared by every screen that uses it: live (simulated
 * time = wall time), running ×N from an anchor, paused, or jumped to a chosen time. The state is
 * a small value and every transition a pure function of (state, wall time), so a test can drive
 * it without timers; the controller only holds the current state and tells listeners.
 */
import type { SimTime } from '../types';

export type ClockMode = 'live' | 'running' | 'paused';

export interface ClockState {
  readonly mode: ClockMode;
  /** Simulated time at the anchor (running) or the frozen time (paused); unused when live. */
  readonly anchorSimMs: SimTime;
  /** Wall time of the anchor (running). */
  readonly anchorWallMs: number;
  /** Simulated seconds per wall second; kept while paused so that resume runs at it again. */
  readonly speed: number;
}

export type ClockAction =
  | { readonly action: 'pause' }
  | { readonly action: 'resume' }
  | { readonly action: 'speed'; readonly speed: number }
  | { readonly action: 'jump'; readonly time: SimTime }
  | { readonly action: 'live' };

/** Speeds a presenter picks from; up to an hour per second is allowed for long replays. */
export const MIN_SPEED = 1;
export const MAX_SPEED = 3600;

export const LIVE_CLOCK: ClockState = { mode: 'live', anchorSimMs: 0, anchorWallMs: 0, speed: 1 };

export function isValidSpeed(speed: number): boolean {
  return Number.isFinite(speed) && speed >= MIN_SPEED && speed <= MAX_SPEED;
}

export function simTimeAt(state: ClockState, wallMs: number): SimTime {
  switch (state.mode) {
    case 'live':
      return wallMs;
    case 'paused':
      return state.anchorSimMs;
    case 'running':
      return Math.floor(state.anchorSimMs + (wallMs - state.anchorWallMs) * state.speed);
  }
}

export function pauseClock(state: ClockState, wallMs: number): ClockState {
  if (state.mode === 'paused') return state;
  return {
    mode: 'paused',
    anchorSimMs: simTimeAt(state, wallMs),
    anchorWallMs: wallMs,
    speed: state.speed,
  };
}

export function resumeClock(state: ClockState, wallMs: number): ClockState {
  if (state.mode !== 'paused') return state;
  return {
    mode: 'running',
    anchorSimMs: state.anchorSimMs,
    anchorWallMs: wallMs,
    speed: state.speed,
  };
}

export function setClockSpeed(state: ClockState, speed: number, wallMs: number): ClockState {
  if (!isValidSpeed(speed))
    throw new RangeError(`speed must be ${MIN_SPEED}..${MAX_SPEED}, got ${speed}`);
  if (state.mode === 'paused') return { ...state, speed };
  if (state.mode === 'live' && speed === 1) return state;
  // Re-anchor at the current simulated time so that changing speed never makes time jump.
  return { mode: 'running', anchorSimMs: simTimeAt(state, wallMs), anchorWallMs: wallMs, speed };
}

export function jumpClock(state: ClockState, timeMs: SimTime, wallMs: number): ClockState {
  if (!Number.isFinite(timeMs)) throw new RangeError(`jump time must be finite, got ${timeMs}`);
  const time = Math.floor(timeMs);
  if (state.mode === 'paused') return { ...state, anchorSimMs: time, anchorWallMs: wallMs };
  // Live time cannot be offset from the wall: a jump keeps running, at the current speed.
  return { mode: 'running', anchorSimMs: time, anchorWallMs: wallMs, speed: state.speed };
}

export function applyClockAction(
  state: ClockState,
  action: ClockAction,
  wallMs: number,
): ClockState {
  switch (action.action) {
    case 'pause':
      return pauseClock(state, wallMs);
    case 'resume':
      return resumeClock(state, wallMs);
    case 'speed':
      return setClockSpeed(state, action.speed, wallMs);
    case 'jump':
      return jumpClock(state, action.time, wallMs);
    case 'live':
      return LIVE_CLOCK;
  }
}

export interface ClockController {
  /** The current simulated time. */
  now(): SimTime;
  state(): ClockState;
  apply(action: ClockAction): ClockState;
  /** Called after every change (streams tell their screens); returns the unsubscribe function. */
  subscribe(listener: (state: ClockState) => void): () => void;
}

export interface ClockOptions {
  /** Wall time; tests pass a fixed or stepped function. */
  readonly wallNow?: () => number;
  readonly initial?: ClockState;
}

export function createClock({
  wallNow = Date.now,
  initial = LIVE_CLOCK,
}: ClockOptions = {}): ClockController {
  let current = initial;
  const listeners = new Set<(state: ClockState) => void>();
  return {
    now: () => simTimeAt(current, wallNow()),
    state: () => current,
    apply(action) {
      current = applyClockAction(current, action, wallNow());
      for (const listener of [...listeners]) listener(current);
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
