/**
 * Labels of the embedded base map, drawn with deck.gl's TextLayer (a canvas font atlas built from
 * the label text itself), so Chinese and Latin labels render offline without a glyph server.
 */
import { DRAW_ON_TOP } from './draw-on-top';
import { TextLayer } from '@deck.gl/layers';
import type { BasemapLabel } from '../data/schemas';
import { basemapColors, fonts } from '../ui/theme';
import type { Language } from './layer-contract';

export const LABELS_LAYER_ID = 'basemap-labels';

/** Roads are labelled only when zoomed in far enough to read them; districts always. */
function minZoomFor(label: BasemapLabel): number {
  if (label.kind === 'district') return 0;
  if (label.kind === 'water') return 12;
  return 13.5 + Math.min(label.rank, 4) * 0.5;
}

export function basemapLabelsLayer(
  labels: readonly BasemapLabel[],
  language: Language,
  zoom: number,
) {
  return new TextLayer<BasemapLabel>({
    id: LABELS_LAYER_ID,
    data: labels,
    visible: labels.length > 0,
    getPosition: (label) => [label.position[0], label.position[1]],
    getText: (label) => (language === 'zh-CN' ? label.text.zh : label.text.en),
    getSize: (label) => (label.kind === 'district' ? 16 : 12),
    getColor: (label) => {
      const color =
        label.kind === 'district' ? basemapColors.labelDistrict : basemapColors.labelRoad;
      return minZoomFor(label) <= zoom ? [...color] : [0, 0, 0, 0];
    },
    fontFamily: fonts.map,
    fontWeight: 600,
    characterSet: 'auto',
    outlineWidth: 3,
    outlineColor: [...basemapColors.labelHalo],
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    billboard: true,
    sizeUnits: 'pixels',
    pickable: false,
    parameters: DRAW_ON_TOP,
    updateTriggers: { getText: language, getColor: Math.floor(zoom * 2) },
  });
}
