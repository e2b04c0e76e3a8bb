/**
 * MapLibre skips its own resize observer's first report, so a container resized while the map
 * starts (a bar appearing above it) would keep a stretched canvas: every size change is followed
 * here. Only a real change of size is acted on, since a resized canvas is cleared and must be
 * drawn again at once. Returns the function that stops following.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

export function followContainerSize(
  map: MapLibreMap,
  container: HTMLElement,
  /** While the map's context is lost, resizing it would fail: nothing is done. */
  isLost: () => boolean,
): () => void {
  const resizes = new ResizeObserver(() => {
    if (isLost()) return;
    const canvas = map.getCanvas();
    const ratio = map.getPixelRatio();
    const width = Math.round(canvas.width / ratio);
    const height = Math.round(canvas.height / ratio);
    if (width === container.clientWidth && height === container.clientHeight) return;
    map.resize();
    map.redraw();
  });
  resizes.observe(container);
  return () => resizes.disconnect();
}
