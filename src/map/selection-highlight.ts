/**
 * The engine's own highlight of the selected feature and of the features emphasised with it
 * (an alarm's features): drawn on top, the same for every domain.
 */
import { DRAW_ON_TOP } from './draw-on-top';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature } from '../data/schemas';
import { focusColor, highlightColor } from '../ui/theme';

export const SELECTION_LAYER_ID = 'selection-highlight';

export function selectionHighlightLayer(features: Feature[]) {
  return new GeoJsonLayer({
    id: SELECTION_LAYER_ID,
    data: features,
    visible: features.length > 0,
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

export const FOCUS_LAYER_ID = 'focus-highlight';

/** The features a clicked figure counts, outlined over their dimmed layer (under the selection). */
export function focusHighlightLayer(features: Feature[]) {
  return new GeoJsonLayer({
    id: FOCUS_LAYER_ID,
    data: features,
    visible: features.length > 0,
    filled: false,
    stroked: true,
    getLineColor: [...focusColor],
    lineWidthUnits: 'pixels',
    getLineWidth: 4,
    lineWidthMinPixels: 3,
    pointType: 'circle',
    getPointRadius: 10,
    pointRadiusUnits: 'pixels',
    pickable: false,
    parameters: DRAW_ON_TOP,
  });
}
