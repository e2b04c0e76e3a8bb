/** The engine's own highlight of the selected feature: drawn on top, the same for every domain. */
import { DRAW_ON_TOP } from './draw-on-top';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature } from '../data/schemas';
import { highlightColor } from '../ui/theme';

export const SELECTION_LAYER_ID = 'selection-highlight';

export function selectionHighlightLayer(feature: Feature | null) {
  return new GeoJsonLayer({
    id: SELECTION_LAYER_ID,
    data: feature ? [feature] : [],
    visible: feature !== null,
    filled: false,
    stroked: true,
    getLineColor: [...highlightColor],
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
    lineWidthMinPixels: 3,
    pointType: 'circle',
    getPointRadius: 14,
    pointRadiusUnits: 'pixels',
    pickable: false,
    parameters: DRAW_ON_TOP,
  });
}
