import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  afterCameraMoves,
  cameraStartedMoving,
  isCameraAtRest,
  onCameraRest,
  MAX_HOLD_MS,
  REST_MS,
} from '../../../src/ui/camera-motion';

/** A camera that starts moving; whatever a test leaves moving is stopped after it. */
const stops: (() => void)[] = [];
const move = () => {
  const stop = cameraStartedMoving();
  stops.push(stop);
  return stop;
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  // The module is the page's: leave it at rest for the next test.
  stops.splice(0).forEach((stop) => stop());
  vi.runAllTimers();
  vi.useRealTimers();
});

describe('afterCameraMoves', () => {
  it('runs an update at once while the camera is at rest', () => {
    const update = vi.fn();
    afterCameraMoves(update);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('holds updates while the camera moves and applies them together, in order, once it rests', () => {
    const order: string[] = [];
    const stop = move();
    afterCameraMoves(() => order.push('poll'));
    afterCameraMoves(() => order.push('tick'));
    expect(order).toEqual([]);
    stop();
    // Stopped is not yet at rest: a wheel zoom pauses between its steps.
    vi.advanceTimersByTime(REST_MS - 1);
    expect(order).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(order).toEqual(['poll', 'tick']);
    // At rest again: the next update is not held.
    afterCameraMoves(() => order.push('later'));
    expect(order).toEqual(['poll', 'tick', 'later']);
  });

  it('keeps holding when the camera moves again before it has rested', () => {
    const update = vi.fn();
    move()();
    afterCameraMoves(update);
    vi.advanceTimersByTime(REST_MS / 2);
    const again = move();
    vi.advanceTimersByTime(REST_MS);
    expect(update).not.toHaveBeenCalled();
    again();
    vi.advanceTimersByTime(REST_MS);
    expect(update).toHaveBeenCalledTimes(1);
  });

  it('never holds an update longer than MAX_HOLD_MS, however long the camera moves', () => {
    const first = vi.fn();
    const second = vi.fn();
    move();
    afterCameraMoves(first);
    vi.advanceTimersByTime(MAX_HOLD_MS - 1);
    expect(first).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(first).toHaveBeenCalledTimes(1);
    // Still moving: the next update is held again, for at most as long.
    afterCameraMoves(second);
    expect(second).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MAX_HOLD_MS);
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('comes to rest even when the longest hold ends while it settles', () => {
    const rest = vi.fn();
    const stopWatching = onCameraRest(rest);
    const update = vi.fn();
    const stop = move();
    afterCameraMoves(update);
    vi.advanceTimersByTime(MAX_HOLD_MS - REST_MS / 2);
    stop();
    // The longest hold ends halfway through the rest: the update is applied then, and the rest
    // still comes.
    vi.advanceTimersByTime(REST_MS);
    expect(update).toHaveBeenCalledTimes(1);
    expect(rest).toHaveBeenCalledTimes(1);
    expect(isCameraAtRest()).toBe(true);
    stopWatching();
  });

  it('waits for every moving camera, and a stop said twice counts once', () => {
    const update = vi.fn();
    const one = move();
    const other = move();
    afterCameraMoves(update);
    one();
    one();
    vi.advanceTimersByTime(REST_MS);
    expect(update).not.toHaveBeenCalled();
    other();
    vi.advanceTimersByTime(REST_MS);
    expect(update).toHaveBeenCalledTimes(1);
  });
});

describe('isCameraAtRest', () => {
  it('is false while a camera moves and until it has been still for REST_MS', () => {
    expect(isCameraAtRest()).toBe(true);
    const stop = move();
    expect(isCameraAtRest()).toBe(false);
    stop();
    expect(isCameraAtRest()).toBe(false);
    vi.advanceTimersByTime(REST_MS);
    expect(isCameraAtRest()).toBe(true);
  });
});

describe('onCameraRest', () => {
  it('is told when the camera comes to rest, after the held updates were applied', () => {
    const order: string[] = [];
    const stopWatching = onCameraRest(() => order.push('rest'));
    const stop = move();
    afterCameraMoves(() => order.push('update'));
    stop();
    vi.advanceTimersByTime(REST_MS);
    expect(order).toEqual(['update', 'rest']);
    stopWatching();
    move()();
    vi.advanceTimersByTime(REST_MS);
    expect(order).toEqual(['update', 'rest']);
  });
});
