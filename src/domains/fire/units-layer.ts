/**
 * `fire.units`: every fire engine out on a call, a disc with a glyph coloured by its trip status
 * (heading out, on scene, heading back). Engines drive along streets between buildings, so disc
 * and glyph are drawn on top of buildings, together.
 */
import { featureObjects } from '../../data/feature-table';
import type { Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature } from '../../data/schemas';
import { DRAW_ON_TOP } from '../../map/draw-on-top';
import { pointPosition } from '../../map/feature-geometry';
import {
  defineLayer,
  type LayerData,
  type LegendEntry,
  type RenderContext,
} from '../../map/layer-contract';
import { pickedLayerProps, textLayerProps } from '../../map/layer-props';
import type { Rgba } from '../../ui/theme';
import { describeUnit } from './units-describe';
import {
  UNIT_GLYPH_COLOR,
  UNIT_GLYPHS,
  UNIT_STATUS_LEVEL,
  UNIT_STYLE,
  unitStatus,
  unitStyle,
} from './units-style';

export const UNITS_LAYER_ID = 'fire.units';
export const UNIT_GLYPHS_LAYER_ID = `${UNITS_LAYER_ID}-glyphs`;

export const UNIT_RADIUS_PIXELS = 9;
const UNIT_GLYPH_SIZE_PIXELS = 11;

const fill = (feature: Feature): Rgba => unitStyle(feature).fill;
const line = (feature: Feature): Rgba => unitStyle(feature).line;
const lineWidth = (feature: Feature): number => unitStyle(feature).lineWidth;
const glyph = (feature: Feature): string => unitStyle(feature).glyph;

/** Styles depend on feature properties only: a new geometry array recomputes them by itself. */
export function renderUnits(data: LayerData, context: RenderContext): Layer[] {
  // A small layer: drawn from feature objects.
  const features = featureObjects(data.geometry);
  return [
    new ScatterplotLayer<Feature>({
      id: UNITS_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getRadius: UNIT_RADIUS_PIXELS,
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      getFillColor: fill,
      getLineColor: line,
      getLineWidth: lineWidth,
      lineWidthUnits: 'pixels',
      ...pickedLayerProps(context),
      parameters: DRAW_ON_TOP,
    }),
    new TextLayer<Feature>({
      id: UNIT_GLYPHS_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getText: glyph,
      getSize: UNIT_GLYPH_SIZE_PIXELS,
      getColor: UNIT_GLYPH_COLOR,
      characterSet: UNIT_GLYPHS,
      ...textLayerProps(context),
      parameters: DRAW_ON_TOP,
    }),
  ];
}

export const UNITS_LEGEND: readonly LegendEntry[] = [
  { labelKey: 'legend.units.dispatched', color: UNIT_STYLE.dispatched.fill, shape: 'circle' },
  { labelKey: 'legend.units.onScene', color: UNIT_STYLE.onScene.fill, shape: 'circle' },
  { labelKey: 'legend.units.returning', color: UNIT_STYLE.returning.fill, shape: 'circle' },
  { labelKey: 'legend.units.unknown', color: UNIT_STYLE.unknown.fill, shape: 'circle' },
];

export const unitsLayer = defineLayer({
  id: UNITS_LAYER_ID,
  domain: 'fire',
  titleKey: 'layers.units',
  dataset: 'fire.units',
  defaultVisible: true,
  legend: UNITS_LEGEND,
  render: renderUnits,
  describe: describeUnit,
  status: ({ feature }) => UNIT_STATUS_LEVEL[unitStatus(feature)],
});
