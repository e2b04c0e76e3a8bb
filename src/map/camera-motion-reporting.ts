/**
 * Tells the page when the map's camera moves (src/ui/camera-motion.ts holds the page's other
 * updates meanwhile), and says on the map's element, as `data-camera-at-rest`, whether the
 * updates held while it moved have been applied, for whoever waits for a complete picture (the
 * browser tests, the benchmarks): a rest draws a frame, which they wait for.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { cameraStartedMoving, isCameraAtRest, onCameraRest } from '../ui/camera-motion';

/** Reports until the returned function is called (a map removed mid-move holds nothing more). */
export function reportCameraMotion(map: MapLibreMap, container: HTMLElement): () => void {
  let stopMoving: (() => void) | null = null;
  // A jump (the camera set in one go: a resize as the page lays out, a camera restored) starts
  // and ends in one task: no frame is drawn in between, so there is nothing to hold updates for,
  // and holding them would keep the first complete picture waiting for a rest. A move is taken
  // for one once it is still going after the task that started it.
  let starting = false;
  const started = () => {
    if (starting || stopMoving) return;
    starting = true;
    queueMicrotask(() => {
      if (!starting) return;
      starting = false;
      stopMoving = cameraStartedMoving();
      container.dataset['cameraAtRest'] = 'false';
    });
  };
  const stopped = () => {
    starting = false;
    stopMoving?.();
    stopMoving = null;
  };
  map.on('movestart', started);
  map.on('moveend', stopped);
  let restFrame = 0;
  const stopWatchingRest = onCameraRest(() => {
    // Two frames on: React has rendered what was released and its effects have handed deck.gl
    // the layers, so the frame this asks for shows them.
    cancelAnimationFrame(restFrame);
    restFrame = requestAnimationFrame(() => {
      restFrame = requestAnimationFrame(() => {
        if (!isCameraAtRest()) return;
        container.dataset['cameraAtRest'] = 'true';
        map.triggerRepaint();
      });
    });
  });
  return () => {
    map.off('movestart', started);
    map.off('moveend', stopped);
    stopped();
    stopWatchingRest();
    cancelAnimationFrame(restFrame);
  };
}
