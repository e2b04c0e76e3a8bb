/**
 * `fire.stations`: each station a large disc with a star, filled by readiness (units available or
 * all out), and its name under it once zoomed in. Disc, star and name are drawn on top of
 * buildings, together, so a star never floats without its disc.
 */
import { featureObjects } from '../../data/feature-table';
import type { AccessorContext, Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { stateValue } from '../../data/live-state';
import type { Feature } from '../../data/schemas';
import { DRAW_ON_TOP } from '../../map/draw-on-top';
import { pointPosition } from '../../map/feature-geometry';
import { featureName } from '../../map/feature-text';
import {
  defineLayer,
  type LayerData,
  type LegendEntry,
  type RenderContext,
} from '../../map/layer-contract';
import { pickedLayerProps, textLayerProps } from '../../map/layer-props';
import { basemapColors, highlightColor, statusColors, type Rgba } from '../../ui/theme';
import { STATION_READINESS_STATUS, stationReadiness } from './station-status';
import { describeStation } from './stations-describe';

export const STATIONS_LAYER_ID = 'fire.stations';
export const STATION_SYMBOLS_LAYER_ID = `${STATIONS_LAYER_ID}-symbols`;
export const STATION_LABELS_LAYER_ID = `${STATIONS_LAYER_ID}-labels`;

/** Station names appear from this zoom on. */
export const STATION_LABEL_MIN_ZOOM = 13;
export const STATION_SYMBOL = '★';
export const STATION_RADIUS_PIXELS = 11;
const STATION_OUTLINE_PIXELS = 2.5;
const STATION_SYMBOL_SIZE_PIXELS = 14;
const LABEL_SIZE_PIXELS = 13;
const LABEL_OFFSET: [number, number] = [0, STATION_RADIUS_PIXELS + 4];
const LABEL_PADDING: [number, number] = [4, 2];

function stationSymbol(): string {
  return STATION_SYMBOL;
}

export function renderStations(data: LayerData, context: RenderContext): Layer[] {
  // A small layer: drawn from feature objects.
  const features = featureObjects(data.geometry);
  const { state } = data;
  const { language } = context;
  const fill = (_feature: Feature, { index }: AccessorContext<Feature>): Rgba =>
    statusColors[
      STATION_READINESS_STATUS[stationReadiness(stateValue(state, 'availableUnits', index))]
    ];
  const label = (feature: Feature): string => featureName(feature, language);

  return [
    new ScatterplotLayer<Feature>({
      id: STATIONS_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getRadius: STATION_RADIUS_PIXELS,
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      getFillColor: fill,
      getLineColor: highlightColor,
      getLineWidth: STATION_OUTLINE_PIXELS,
      lineWidthUnits: 'pixels',
      ...pickedLayerProps(context),
      parameters: DRAW_ON_TOP,
      updateTriggers: { getFillColor: state?.version ?? null },
    }),
    new TextLayer<Feature>({
      id: STATION_SYMBOLS_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getText: stationSymbol,
      getSize: STATION_SYMBOL_SIZE_PIXELS,
      getColor: basemapColors.labelHalo,
      characterSet: STATION_SYMBOL,
      ...textLayerProps(context),
      parameters: DRAW_ON_TOP,
    }),
    new TextLayer<Feature>({
      id: STATION_LABELS_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getText: label,
      getSize: LABEL_SIZE_PIXELS,
      getColor: basemapColors.labelDistrict,
      getTextAnchor: 'middle',
      getAlignmentBaseline: 'top',
      getPixelOffset: LABEL_OFFSET,
      background: true,
      getBackgroundColor: basemapColors.labelHalo,
      backgroundPadding: LABEL_PADDING,
      characterSet: 'auto',
      ...textLayerProps(context),
      visible: context.visible && context.zoom >= STATION_LABEL_MIN_ZOOM,
      parameters: DRAW_ON_TOP,
      updateTriggers: { getText: language },
    }),
  ];
}

export const STATIONS_LEGEND: readonly LegendEntry[] = [
  { labelKey: 'legend.stations.ready', color: statusColors.normal, shape: 'circle' },
  { labelKey: 'legend.stations.allOut', color: statusColors.warning, shape: 'circle' },
  { labelKey: 'legend.stations.noReading', color: statusColors.unknown, shape: 'circle' },
];

export const stationsLayer = defineLayer({
  id: STATIONS_LAYER_ID,
  domain: 'fire',
  titleKey: 'layers.stations',
  dataset: 'fire.stations',
  defaultVisible: true,
  legend: STATIONS_LEGEND,
  render: renderStations,
  describe: describeStation,
  status: ({ state, index }) =>
    STATION_READINESS_STATUS[stationReadiness(stateValue(state, 'availableUnits', index))],
});
