/**
 * The clock of animated layers (pulsing alarms), outside React. A tick re-renders the layers; the
 * next one waits until the frame it caused has been drawn, and then as long again, so that the
 * animation takes at most half of the page's main thread however slow frames are (in software
 * WebGL a frame of the whole map takes hundreds of milliseconds), and the rate of
 * `ANIMATION_FRAME_MS` where frames are cheap. While the camera moves there is no tick: its frames
 * draw the layers anyway, and the pulse holds still until the map comes to rest
 * (src/ui/camera-motion.ts).
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, type RefObject } from 'react';
import { isCameraAtRest } from '../ui/camera-motion';

/** The fastest the animation runs: smooth enough to catch the eye. */
export const ANIMATION_FRAME_MS = 66;

/** A page that draws no frame (hidden) is not waited for longer than this. */
const FRAME_WAIT_MS = 1_000;

/** What the loop needs of the map: whether its camera moves, and its drawn frames. */
export type FrameSource = Pick<MapLibreMap, 'isMoving' | 'on' | 'off'>;

/**
 * Runs the loop until the returned function is called. `shown` says whether a frame drawn now
 * shows the last tick: deck.gl takes new layers on its own next frame, and a map frame drawn
 * before that still shows the tick before. The next tick waits for a frame that shows this one,
 * so that every tick is seen and, between ticks, a frame shows all that was handed over (which
 * is what `data-layers-loaded` reports on).
 */
export function startAnimationLoop(
  mapOf: () => FrameSource | null,
  tick: (animationTime: number) => void,
  shown: () => boolean = () => true,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  /** The listener waiting for the frame of the last tick, with its map. */
  let waiting: { map: FrameSource; listener: () => void } | null = null;
  const stopWaiting = () => {
    waiting?.map.off('render', waiting.listener);
    waiting = null;
    clearTimeout(timer);
  };
  const schedule = (delayMs: number) => {
    timer = setTimeout(run, delayMs);
  };
  function run() {
    const map = mapOf();
    if (stopped) return;
    // At rest as the page's other updates are: not between the steps of a wheel zoom either.
    if (!map || map.isMoving() || !isCameraAtRest()) {
      schedule(ANIMATION_FRAME_MS);
      return;
    }
    const started = performance.now();
    const afterFrame = () => {
      stopWaiting();
      if (!stopped) schedule(Math.max(ANIMATION_FRAME_MS, performance.now() - started));
    };
    const afterRender = () => {
      if (shown()) afterFrame();
    };
    waiting = { map, listener: afterRender };
    map.on('render', afterRender);
    timer = setTimeout(afterFrame, FRAME_WAIT_MS);
    tick(started);
  }
  schedule(ANIMATION_FRAME_MS);
  return () => {
    stopped = true;
    stopWaiting();
  };
}

export function useAnimationLoop(
  mapRef: RefObject<MapLibreMap | null>,
  active: boolean,
  tick: (animationTime: number) => void,
  shown: () => boolean,
): void {
  useEffect(
    () => (active ? startAnimationLoop(() => mapRef.current, tick, shown) : undefined),
    [mapRef, active, tick, shown],
  );
}
