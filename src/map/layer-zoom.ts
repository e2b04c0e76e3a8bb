/**
 * The zoom the layers are given (`RenderContext.zoom`): the map's, rounded down to half levels.
 * Every zoom a layer changes at is a multiple of 0.5, so a wheel step within a half level hands
 * the map no new layers.
 */
export function layerZoom(zoom: number): number {
  return Math.floor(zoom * 2) / 2;
}
