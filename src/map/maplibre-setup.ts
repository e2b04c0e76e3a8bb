/**
 * MapLibre 6's worker is a separate module that bundlers misplace: point MapLibre at the file
 * Vite emits for it, once, before the first map is created.
 */
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let done = false;

export function setUpMapLibre(): void {
  if (done) return;
  setWorkerUrl(workerUrl);
  done = true;
}
