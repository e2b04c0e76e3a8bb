/**
 * `traffic.roads`: every road segment coloured by congestion, as wide as its class, with arrows
 * showing the direction of travel once zoomed in far enough to read them.
 */
import type { Layer } from '@deck.gl/core';
import { PathLayer, TextLayer } from '@deck.gl/layers';
import { perTable, type FeatureTable } from '../../data/feature-table';
import { stateValue, type StateTable } from '../../data/live-state';
import type { Feature } from '../../data/schemas';
import {
  colourFromTable,
  featureColours,
  valueOrNull,
  type ColourTable,
} from '../../map/feature-columns';
import { pathData, tablePath } from '../../map/feature-geometry';
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
import {
  ROAD_WIDTH_MAX_PIXELS,
  ROAD_WIDTH_MIN_PIXELS,
  roadClassOfValue,
  roadWidthMeters,
} from './road-class';

export const ROADS_LAYER_ID = 'traffic.roads';
export const ROAD_ARROWS_LAYER_ID = `${ROADS_LAYER_ID}-arrows`;

/** Direction arrows appear from this zoom on. */
export const ROAD_ARROWS_MIN_ZOOM = 15;
export const ROAD_ARROW_GLYPH = '▶';
export const ROAD_ARROW_COLOR: Rgba = [245, 247, 250, 230];
const ROAD_ARROW_SIZE_PIXELS = 11;
const CONGESTION_PALETTE: readonly Rgba[] = CONGESTION_LEVELS.map(
  (level) => congestionColors[level],
);

/** A road's congestion from its speed reading and its free-flow speed (a property). */
export function roadCongestion(
  freeFlowKmh: number | null,
  state: StateTable | null,
  index: number,
): CongestionLevel {
  return congestionLevel(speedRatio(stateValue(state, 'speedKmh', index), freeFlowKmh));
}

/** Road `index`'s congestion, its free-flow speed read from the table's column. */
export function roadCongestionAt(
  geometry: FeatureTable,
  state: StateTable | null,
  index: number,
): CongestionLevel {
  return roadCongestion(valueOrNull(geometry.numbers('freeFlowKmh')[index]), state, index);
}

/** Where each road's arrow goes and which way it points, computed once per table. */
interface RoadArrows {
  /** deck.gl data: one arrow per road, read by index. */
  readonly data: { readonly length: number };
  readonly positions: Float64Array;
  readonly angles: Float32Array;
  /** 1 where the road is long enough to have a direction. */
  readonly drawn: Uint8Array;
}

const NO_ARROWS: RoadArrows = {
  data: { length: 0 },
  positions: new Float64Array(0),
  angles: new Float32Array(0),
  drawn: new Uint8Array(0),
};

const roadArrows = perTable((geometry): RoadArrows => {
  const { length } = geometry;
  const positions = new Float64Array(length * 2);
  const angles = new Float32Array(length);
  const drawn = new Uint8Array(length);
  for (let index = 0; index < length; index++) {
    const midpoint = pathMidpoint(tablePath(geometry, index));
    if (!midpoint) continue;
    positions[index * 2] = midpoint.position[0];
    positions[index * 2 + 1] = midpoint.position[1];
    angles[index] = midpoint.angle;
    drawn[index] = 1;
  }
  return { data: { length }, positions, angles, drawn };
});

/** Every road's drawn width in metres, by its class, once per table. */
const roadWidths = perTable((geometry) => {
  const widths = new Float32Array(geometry.length);
  for (let index = 0; index < widths.length; index++)
    widths[index] = roadWidthMeters(roadClassOfValue(geometry.property(index, 'roadClass')));
  return widths;
});

/**
 * Every road's congestion colour in one pass over the speed column (the same rule as
 * `roadCongestion`), kept with the read: a live update recolours by index, no lookups per road.
 */
export function roadColours(data: LayerData): ColourTable {
  const speeds = data.state?.columns.get('speedKmh');
  const freeFlow = data.geometry.numbers('freeFlowKmh');
  return featureColours(data, ROADS_LAYER_ID, CONGESTION_PALETTE, (index) =>
    congestionLevelIndex(speedRatioValue(speeds ? speeds[index]! : Number.NaN, freeFlow[index]!)),
  );
}

export function renderRoads(data: LayerData, context: RenderContext): Layer[] {
  const { geometry, state } = data;
  const widths = roadWidths(geometry);
  const showArrows = context.visible && context.zoom >= ROAD_ARROWS_MIN_ZOOM;
  const layers: Layer[] = [
    new PathLayer<Feature>({
      id: ROADS_LAYER_ID,
      ...pathData(geometry),
      getColor: colourFromTable(roadColours(data)),
      getWidth: (_, { index }) => widths[index]!,
      widthUnits: 'meters',
      widthMinPixels: ROAD_WIDTH_MIN_PIXELS,
      widthMaxPixels: ROAD_WIDTH_MAX_PIXELS,
      capRounded: true,
      jointRounded: true,
      ...pickedLayerProps(context),
      updateTriggers: { getColor: state?.version ?? null },
    }),
  ];
  // Arrows are laid out only while they can be seen: a city's hundreds of thousands of glyphs
  // are not laid out for a view that hides them (zoomed out, the layer holds no data).
  const arrows = showArrows ? roadArrows(geometry) : NO_ARROWS;
  layers.push(
    new TextLayer<unknown>({
      id: ROAD_ARROWS_LAYER_ID,
      data: arrows.data,
      getPosition: (_, { index, target }) => {
        target[0] = arrows.positions[index * 2]!;
        target[1] = arrows.positions[index * 2 + 1]!;
        return target as [number, number];
      },
      getAngle: (_, { index }) => arrows.angles[index]!,
      getText: (_, { index }) => (arrows.drawn[index] ? ROAD_ARROW_GLYPH : ''),
      getColor: ROAD_ARROW_COLOR,
      getSize: ROAD_ARROW_SIZE_PIXELS,
      billboard: false,
      characterSet: [ROAD_ARROW_GLYPH],
      ...textLayerProps(context),
      visible: showArrows,
    }),
  );
  return layers;
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
  status: ({ geometry, state, index }) =>
    congestionStatus(roadCongestionAt(geometry, state, index)),
});
