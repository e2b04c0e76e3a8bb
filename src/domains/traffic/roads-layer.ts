/**
 * `traffic.roads`: every road segment coloured by congestion, as wide as its class, with arrows
 * showing the direction of travel once zoomed in far enough to read them.
 */
import type { Layer } from '@deck.gl/core';
import { PathLayer, TextLayer } from '@deck.gl/layers';
import { stateValue, type StateTable } from '../../data/live-state';
import type { Feature } from '../../data/schemas';
import {
  colourFromTable,
  featureColours,
  numberColumn,
  type ColourTable,
} from '../../map/feature-columns';
import { linePath } from '../../map/feature-geometry';
import { numberProperty } from '../../map/feature-text';
import {
  defineLayer,
  type LayerData,
  type LegendEntry,
  type RenderContext,
} from '../../map/layer-contract';
import { pickedLayerProps, textLayerProps } from '../../map/layer-props';
import { congestionColors, type CongestionLevel, type Rgba } from '../../ui/theme';
import {
  CONGESTION_LEVELS,
  congestionLevel,
  congestionLevelIndex,
  congestionStatus,
  speedRatio,
  speedRatioValue,
} from './congestion';
import { pathMidpoint } from './path-geometry';
import { describeRoad } from './roads-describe';
import { ROAD_WIDTH_MAX_PIXELS, ROAD_WIDTH_MIN_PIXELS, roadWidthMeters } from './road-class';

export const ROADS_LAYER_ID = 'traffic.roads';
export const ROAD_ARROWS_LAYER_ID = `${ROADS_LAYER_ID}-arrows`;

/** Direction arrows appear from this zoom on. */
export const ROAD_ARROWS_MIN_ZOOM = 15;
export const ROAD_ARROW_GLYPH = '▶';
export const ROAD_ARROW_COLOR: Rgba = [245, 247, 250, 230];
const ROAD_ARROW_SIZE_PIXELS = 11;
const NO_POSITION: readonly [number, number] = [0, 0];
const CONGESTION_PALETTE: readonly Rgba[] = CONGESTION_LEVELS.map(
  (level) => congestionColors[level],
);

export function roadCongestion(
  feature: Feature,
  state: StateTable | null,
  index: number,
): CongestionLevel {
  const speed = stateValue(state, 'speedKmh', index);
  return congestionLevel(speedRatio(speed, numberProperty(feature, 'freeFlowKmh')));
}

function arrowPosition(feature: Feature): readonly [number, number] {
  return pathMidpoint(linePath(feature))?.position ?? NO_POSITION;
}

function arrowAngle(feature: Feature): number {
  return pathMidpoint(linePath(feature))?.angle ?? 0;
}

function arrowText(feature: Feature): string {
  return linePath(feature).length >= 2 ? ROAD_ARROW_GLYPH : '';
}

/**
 * Every road's congestion colour in one pass over the speed column (the same rule as
 * `roadCongestion`), kept with the read: a live update recolours by index, no lookups per road.
 */
export function roadColours(data: LayerData): ColourTable {
  const speeds = data.state?.columns.get('speedKmh');
  const freeFlow = numberColumn(data.geometry, 'freeFlowKmh');
  return featureColours(data, ROADS_LAYER_ID, CONGESTION_PALETTE, (index) =>
    congestionLevelIndex(speedRatioValue(speeds ? speeds[index]! : Number.NaN, freeFlow[index]!)),
  );
}

export function renderRoads(data: LayerData, context: RenderContext): Layer[] {
  const { features } = data.geometry;
  const { state } = data;

  return [
    new PathLayer<Feature>({
      id: ROADS_LAYER_ID,
      data: features,
      getPath: linePath,
      getColor: colourFromTable(roadColours(data)),
      getWidth: roadWidthMeters,
      widthUnits: 'meters',
      widthMinPixels: ROAD_WIDTH_MIN_PIXELS,
      widthMaxPixels: ROAD_WIDTH_MAX_PIXELS,
      capRounded: true,
      jointRounded: true,
      ...pickedLayerProps(context),
      updateTriggers: { getColor: state?.version ?? null },
    }),
    new TextLayer<Feature>({
      id: ROAD_ARROWS_LAYER_ID,
      data: features,
      getPosition: arrowPosition,
      getAngle: arrowAngle,
      getText: arrowText,
      getColor: ROAD_ARROW_COLOR,
      getSize: ROAD_ARROW_SIZE_PIXELS,
      billboard: false,
      characterSet: [ROAD_ARROW_GLYPH],
      ...textLayerProps(context),
      visible: context.visible && context.zoom >= ROAD_ARROWS_MIN_ZOOM,
    }),
  ];
}

export const ROADS_LEGEND: readonly LegendEntry[] = [
  { labelKey: 'legend.free', color: congestionColors.free, shape: 'line' },
  { labelKey: 'legend.slow', color: congestionColors.slow, shape: 'line' },
  { labelKey: 'legend.congested', color: congestionColors.congested, shape: 'line' },
  { labelKey: 'legend.jammed', color: congestionColors.jammed, shape: 'line' },
  { labelKey: 'legend.unknown', color: congestionColors.unknown, shape: 'line' },
  { labelKey: 'legend.width', color: ROAD_ARROW_COLOR, shape: 'line' },
  { labelKey: 'legend.direction', color: ROAD_ARROW_COLOR, shape: 'arrow' },
];

export const roadsLayer = defineLayer({
  id: ROADS_LAYER_ID,
  domain: 'traffic',
  titleKey: 'layers.roads',
  dataset: 'traffic.roads',
  defaultVisible: true,
  legend: ROADS_LEGEND,
  render: renderRoads,
  describe: describeRoad,
  status: ({ feature, state, index }) => congestionStatus(roadCongestion(feature, state, index)),
});
