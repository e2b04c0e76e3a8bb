import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ANIMATION_FRAME_MS,
  startAnimationLoop,
  type FrameSource,
} from '../../../src/map/use-animation-loop';

/** A map whose frames take `frameMs` to draw after a tick asks for one. */
function fakeMap(frameMs: number) {
  const listeners = new Set<() => void>();
  let moving = false;
  const map = {
    isMoving: () => moving,
    on: (_type: string, listener: () => void) => listeners.add(listener),
    off: (_type: string, listener: () => void) => listeners.delete(listener),
  } as unknown as FrameSource;
  return {
    map,
    listeners,
    setMoving: (value: boolean) => (moving = value),
    /** What a tick does to the map: a frame, drawn `frameMs` later. */
    draw: () => setTimeout(() => [...listeners].forEach((listener) => listener()), frameMs),
  };
}

describe('the animation loop', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ticks at its own rate where frames are cheap', () => {
    const fake = fakeMap(5);
    const tick = vi.fn(() => void fake.draw());
    const stop = startAnimationLoop(() => fake.map, tick);
    vi.advanceTimersByTime(ANIMATION_FRAME_MS * 10 + 50);
    expect(tick.mock.calls.length).toBeGreaterThanOrEqual(8);
    expect(tick.mock.calls.length).toBeLessThanOrEqual(10);
    stop();
  });

  it('leaves the main thread at least half the time when frames are slow', () => {
    const fake = fakeMap(400);
    const tick = vi.fn(() => void fake.draw());
    const stop = startAnimationLoop(() => fake.map, tick);
    vi.advanceTimersByTime(8_000);
    // A tick, its 400 ms frame, then as long again: one every 800 ms or so.
    expect(tick.mock.calls.length).toBeGreaterThanOrEqual(9);
    expect(tick.mock.calls.length).toBeLessThanOrEqual(11);
    stop();
  });

  it('does not tick while the camera moves, and goes on when it stops', () => {
    const fake = fakeMap(5);
    const tick = vi.fn(() => void fake.draw());
    fake.setMoving(true);
    const stop = startAnimationLoop(() => fake.map, tick);
    vi.advanceTimersByTime(2_000);
    expect(tick).not.toHaveBeenCalled();
    fake.setMoving(false);
    vi.advanceTimersByTime(500);
    expect(tick).toHaveBeenCalled();
    stop();
  });

  it('goes on after a while when no frame comes (a hidden page), and leaves nothing behind', () => {
    const fake = fakeMap(5);
    const tick = vi.fn();
    const stop = startAnimationLoop(() => fake.map, tick);
    vi.advanceTimersByTime(ANIMATION_FRAME_MS + 1);
    expect(tick).toHaveBeenCalledTimes(1);
    expect(fake.listeners.size).toBe(1);
    // A second without a frame, then as long again.
    vi.advanceTimersByTime(2_100);
    expect(tick).toHaveBeenCalledTimes(2);
    stop();
    expect(fake.listeners.size).toBe(0);
    vi.advanceTimersByTime(5_000);
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it('waits for a frame that shows its tick: a frame drawn before deck.gl took the layers does not count', () => {
    const fake = fakeMap(5);
    // deck.gl takes a tick's layers one frame after the first frame drawn after it.
    let framesSinceTick = 0;
    fake.map.on('render', () => framesSinceTick++);
    const tick = vi.fn(() => {
      framesSinceTick = 0;
      fake.draw();
    });
    const stop = startAnimationLoop(
      () => fake.map,
      tick,
      () => framesSinceTick >= 2,
    );
    vi.advanceTimersByTime(ANIMATION_FRAME_MS + 1);
    expect(tick).toHaveBeenCalledTimes(1);
    // Its first frame does not show it: the loop keeps waiting, and asks for nothing new.
    vi.advanceTimersByTime(ANIMATION_FRAME_MS * 3);
    expect(tick).toHaveBeenCalledTimes(1);
    // The next frame shows it; the next tick comes after it (as long again as the tick took).
    fake.draw();
    vi.advanceTimersByTime(600);
    expect(tick).toHaveBeenCalledTimes(2);
    stop();
  });
});
