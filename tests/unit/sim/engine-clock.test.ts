import { describe, expect, it } from 'vitest';
import {
  applyClockAction,
  createClock,
  LIVE_CLOCK,
  simTimeAt,
  type ClockState,
} from '../../../mocks/sim/engine/clock';

const WALL = Date.parse('2026-01-15T08:30:00+08:00');
const MINUTE = 60_000;

describe('the simulation clock', () => {
  it('is wall time when live', () => {
    expect(simTimeAt(LIVE_CLOCK, WALL)).toBe(WALL);
    expect(simTimeAt(LIVE_CLOCK, WALL + 5 * MINUTE)).toBe(WALL + 5 * MINUTE);
  });

  it('runs ×N from the moment the speed is set, without a jump', () => {
    const fast = applyClockAction(LIVE_CLOCK, { action: 'speed', speed: 60 }, WALL);
    expect(fast.mode).toBe('running');
    expect(simTimeAt(fast, WALL)).toBe(WALL);
    expect(simTimeAt(fast, WALL + 1000)).toBe(WALL + MINUTE);
    // Slowing down later re-anchors at the current simulated time.
    const slower = applyClockAction(fast, { action: 'speed', speed: 10 }, WALL + 1000);
    expect(simTimeAt(slower, WALL + 1000)).toBe(WALL + MINUTE);
    expect(simTimeAt(slower, WALL + 2000)).toBe(WALL + MINUTE + 10_000);
  });

  it('freezes while paused and resumes at the same speed from where it stopped', () => {
    const fast = applyClockAction(LIVE_CLOCK, { action: 'speed', speed: 600 }, WALL);
    const paused = applyClockAction(fast, { action: 'pause' }, WALL + 1000);
    expect(simTimeAt(paused, WALL + 1000)).toBe(WALL + 10 * MINUTE);
    expect(simTimeAt(paused, WALL + 60_000)).toBe(WALL + 10 * MINUTE);
    const resumed = applyClockAction(paused, { action: 'resume' }, WALL + 60_000);
    expect(simTimeAt(resumed, WALL + 61_000)).toBe(WALL + 20 * MINUTE);
  });

  it('jumps to a time and keeps going (or stays paused), and goes back to live', () => {
    const target = Date.parse('2026-01-14T22:00:00+08:00');
    const jumped = applyClockAction(LIVE_CLOCK, { action: 'jump', time: target }, WALL);
    expect(jumped.mode).toBe('running');
    expect(simTimeAt(jumped, WALL + 1000)).toBe(target + 1000);
    const paused = applyClockAction(jumped, { action: 'pause' }, WALL);
    const stillPaused = applyClockAction(paused, { action: 'jump', time: target - MINUTE }, WALL);
    expect(stillPaused.mode).toBe('paused');
    expect(simTimeAt(stillPaused, WALL + 99_000)).toBe(target - MINUTE);
    expect(applyClockAction(stillPaused, { action: 'live' }, WALL)).toEqual(LIVE_CLOCK);
  });

  it('accepts speeds from 1 to 3600 and nothing else', () => {
    for (const speed of [1, 600, 3600])
      expect(() => applyClockAction(LIVE_CLOCK, { action: 'speed', speed }, WALL)).not.toThrow();
    for (const speed of [0, 0.5, -10, 3601, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => applyClockAction(LIVE_CLOCK, { action: 'speed', speed }, WALL)).toThrow(
        RangeError,
      );
  });

  it('the controller follows the wall clock and tells listeners about every change', () => {
    let wall = WALL;
    const clock = createClock({ wallNow: () => wall });
    const seen: ClockState[] = [];
    const unsubscribe = clock.subscribe((state) => seen.push(state));
    clock.apply({ action: 'speed', speed: 120 });
    wall += 30_000;
    expect(clock.now()).toBe(WALL + 60 * MINUTE);
    clock.apply({ action: 'pause' });
    unsubscribe();
    clock.apply({ action: 'live' });
    expect(seen.map((state) => state.mode)).toEqual(['running', 'paused']);
    expect(clock.now()).toBe(wall);
  });
});
