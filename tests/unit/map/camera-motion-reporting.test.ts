// @vitest-environment jsdom
import type { Map as MapLibreMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportCameraMotion } from '../../../src/map/camera-motion-reporting';
import { afterCameraMoves, isCameraAtRest, REST_MS } from '../../../src/ui/camera-motion';

/** The map's events as MapLibre fires them, and the repaints asked of it. */
function fakeMap() {
  const listeners = new Map<string, Set<() => void>>();
  const map = {
    on: (type: string, listener: () => void) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    off: (type: string, listener: () => void) => listeners.get(type)?.delete(listener),
    triggerRepaint: vi.fn(),
  };
  const fire = (type: string) => listeners.get(type)?.forEach((listener) => listener());
  return { map, fire, listening: () => [...listeners.values()].some((set) => set.size > 0) };
}

/** The end of the task that fired the events: the microtasks queued in it have run. */
const taskEnd = () => Promise.resolve();

/** The rest, then the two frames after it. */
function rest(): void {
  vi.advanceTimersByTime(REST_MS);
  vi.advanceTimersByTime(100);
}

describe('reportCameraMotion', () => {
  beforeEach(() =>
    vi.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
    }),
  );
  afterEach(() => {
    vi.runAllTimers();
    vi.useRealTimers();
  });

  it('holds the page’s updates while the camera moves, and says when they were applied', async () => {
    const { map, fire } = fakeMap();
    const container = document.createElement('div');
    const stop = reportCameraMotion(map as unknown as MapLibreMap, container);
    fire('movestart');
    await taskEnd();
    expect(container.dataset['cameraAtRest']).toBe('false');
    const update = vi.fn();
    afterCameraMoves(update);
    fire('move');
    fire('moveend');
    expect(update).not.toHaveBeenCalled();
    rest();
    expect(update).toHaveBeenCalledTimes(1);
    expect(container.dataset['cameraAtRest']).toBe('true');
    expect(map.triggerRepaint).toHaveBeenCalled();
    stop();
  });

  it('a jump (started and ended in one task) holds nothing', async () => {
    const { map, fire } = fakeMap();
    const container = document.createElement('div');
    container.dataset['cameraAtRest'] = 'true';
    const stop = reportCameraMotion(map as unknown as MapLibreMap, container);
    fire('movestart');
    fire('move');
    fire('moveend');
    await taskEnd();
    expect(isCameraAtRest()).toBe(true);
    expect(container.dataset['cameraAtRest']).toBe('true');
    const update = vi.fn();
    afterCameraMoves(update);
    expect(update).toHaveBeenCalledTimes(1);
    stop();
  });

  it('a map removed mid-move holds nothing more, and hears nothing more', async () => {
    const { map, fire, listening } = fakeMap();
    const container = document.createElement('div');
    const stop = reportCameraMotion(map as unknown as MapLibreMap, container);
    fire('movestart');
    await taskEnd();
    stop();
    expect(listening()).toBe(false);
    rest();
    expect(isCameraAtRest()).toBe(true);
    // No frame is asked of a removed map.
    expect(map.triggerRepaint).not.toHaveBeenCalled();
  });
});
