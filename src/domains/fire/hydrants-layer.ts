/**
 * `fire.hydrants`: in service a filled disc, out of service a hollow ring in the warning colour
 * (different in colour and in shape), no reading a grey disc. Zoomed out, where thousands of
 * hydrants would be specks a few pixels apart, they are grouped into hexagonal cells, each in the
 * colour of the worst hydrant inside, so one out of service still stands out in a whole city.
 */
import type { AccessorContext, Layer } from '@deck.gl/core';
import { ColumnLayer, ScatterplotLayer } from '@deck.gl/layers';
import { stateValue, type StateTable } from '../../data/live-state';
import type { Feature } from '../../data/schemas';
import { pointData } from '../../map/feature-geometry';
import { hexCells, hexCellsData, worstPerCell } from '../../map/hex-cells';
import {
  defineLayer,
  type LayerData,
  type LegendEntry,
  type RenderContext,
} from '../../map/layer-contract';
import { pickedLayerProps } from '../../map/layer-props';
import { basemapColors, statusColors, type Rgba } from '../../ui/theme';
import { HYDRANT_SERVICE_STATUS, hydrantService, type HydrantService } from './hydrant-status';
import { describeHydrant } from './hydrants-describe';

export const HYDRANTS_LAYER_ID = 'fire.hydrants';

/**
 * Hydrants stand every ~150 m on every street: sized in metres so they shrink to small dots when
 * the whole city is in view (instead of covering it), and reach a readable size when zoomed in.
 */
export const HYDRANT_RADIUS_M = 5;
const HYDRANT_RADIUS_MIN_PX = 1.5;
const HYDRANT_RADIUS_MAX_PX = 7;

export interface HydrantStyle {
  readonly fill: Rgba;
  readonly line: Rgba;
  readonly lineWidth: number;
}

export const HYDRANT_STYLE: Readonly<Record<HydrantService, HydrantStyle>> = {
  inService: { fill: statusColors.normal, line: basemapColors.labelHalo, lineWidth: 1 },
  outOfService: { fill: basemapColors.labelHalo, line: statusColors.warning, lineWidth: 2.5 },
  noReading: { fill: statusColors.unknown, line: basemapColors.labelHalo, lineWidth: 1 },
};

export function hydrantStyle(state: StateTable | null, index: number): HydrantStyle {
  return HYDRANT_STYLE[hydrantService(stateValue(state, 'inService', index))];
}

/** Below this zoom hydrants are drawn as hexagonal cells (the legend says so). */
export const HYDRANT_CELLS_BELOW_ZOOM = 13;

/** Which hydrant a cell takes its colour from: one out of service is enough; grey only if none has a reading. */
const SERVICE_RANK: Readonly<Record<HydrantService, number>> = {
  noReading: 0,
  inService: 1,
  outOfService: 2,
};
const SERVICE_OF_RANK: readonly HydrantService[] = ['noReading', 'inService', 'outOfService'];
/**
 * Cells are translucent, so the streets and the other layers show through them; cells where all
 * is well recede, and one with a hydrant out of service stands out.
 */
const CELL_ALPHA: Readonly<Record<HydrantService, number>> = {
  noReading: 100,
  inService: 70,
  outOfService: 220,
};
const CELL_FILL: readonly Rgba[] = SERVICE_OF_RANK.map((service) => {
  const [r, g, b] = service === 'outOfService' ? statusColors.warning : HYDRANT_STYLE[service].fill;
  return [r, g, b, CELL_ALPHA[service]];
});
/** Cells not touching: a cell reads as one place, not as a carpet. */
const CELL_COVERAGE = 0.85;
/** Without a state yet, every cell is "no reading". */
const NO_STATE = {};

/**
 * Zoomed out, the cells are drawn and the points layer stays in the list hidden (deck.gl keeps its
 * buffers, so zooming back in shows it at once); zoomed in, the cells are not even made.
 */
export function renderHydrants(data: LayerData, context: RenderContext): Layer[] {
  if (context.zoom >= HYDRANT_CELLS_BELOW_ZOOM) return [hydrantPoints(data, context)];
  return [hydrantPoints(data, { ...context, visible: false }), hydrantCells(data, context)];
}

function hydrantCells(data: LayerData, context: RenderContext): Layer {
  const { state } = data;
  const cells = hexCells(data.geometry, context.zoom);
  const worst = worstPerCell(
    cells,
    state ?? NO_STATE,
    (index) => SERVICE_RANK[hydrantService(stateValue(state, 'inService', index))],
  );
  return new ColumnLayer<unknown>({
    id: `${HYDRANTS_LAYER_ID}-cells`,
    data: hexCellsData(cells),
    diskResolution: 6,
    // d3-hexbin's cells have a corner at the top; the column's first corner points east.
    angle: 90,
    radius: cells.radiusM,
    coverage: CELL_COVERAGE,
    extruded: false,
    getFillColor: (_: unknown, { index }: AccessorContext<unknown>) => CELL_FILL[worst[index]!]!,
    opacity: context.opacity,
    visible: context.visible,
    // A cell is many hydrants: the tooltip and the details are for one, when zoomed in.
    pickable: false,
    updateTriggers: { getFillColor: worst },
  });
}

function hydrantPoints(data: LayerData, context: RenderContext): Layer {
  const { state } = data;
  const version = state?.version ?? null;
  const fill = (_feature: Feature, { index }: AccessorContext<Feature>): Rgba =>
    hydrantStyle(state, index).fill;
  const line = (_feature: Feature, { index }: AccessorContext<Feature>): Rgba =>
    hydrantStyle(state, index).line;
  const lineWidth = (_feature: Feature, { index }: AccessorContext<Feature>): number =>
    hydrantStyle(state, index).lineWidth;

  return new ScatterplotLayer<Feature>({
    id: HYDRANTS_LAYER_ID,
    ...pointData(data.geometry),
    getRadius: HYDRANT_RADIUS_M,
    radiusUnits: 'meters',
    radiusMinPixels: HYDRANT_RADIUS_MIN_PX,
    radiusMaxPixels: HYDRANT_RADIUS_MAX_PX,
    filled: true,
    stroked: true,
    getFillColor: fill,
    getLineColor: line,
    getLineWidth: lineWidth,
    lineWidthUnits: 'pixels',
    ...pickedLayerProps(context),
    updateTriggers: { getFillColor: version, getLineColor: version, getLineWidth: version },
  });
}

export const HYDRANTS_LEGEND: readonly LegendEntry[] = [
  { labelKey: 'legend.hydrants.inService', color: HYDRANT_STYLE.inService.fill, shape: 'circle' },
  {
    labelKey: 'legend.hydrants.outOfService',
    color: HYDRANT_STYLE.outOfService.line,
    shape: 'ring',
  },
  { labelKey: 'legend.hydrants.noReading', color: HYDRANT_STYLE.noReading.fill, shape: 'circle' },
  {
    labelKey: 'legend.hydrants.cells',
    labelVars: { zoom: HYDRANT_CELLS_BELOW_ZOOM },
    color: statusColors.warning,
    shape: 'hexagon',
  },
];

export const hydrantsLayer = defineLayer({
  id: HYDRANTS_LAYER_ID,
  domain: 'fire',
  titleKey: 'layers.hydrants',
  dataset: 'fire.hydrants',
  defaultVisible: true,
  legend: HYDRANTS_LEGEND,
  render: renderHydrants,
  describe: describeHydrant,
  status: ({ state, index }) =>
    HYDRANT_SERVICE_STATUS[hydrantService(stateValue(state, 'inService', index))],
});
