/**
 * `fire.hydrants`: in service a filled disc, out of service a hollow ring in the warning colour
 * (different in colour and in shape), no reading a grey disc.
 */
import type { AccessorContext, Layer } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { stateValue, type StateTable } from '../../data/live-state';
import type { Feature } from '../../data/schemas';
import { pointData } from '../../map/feature-geometry';
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

export function renderHydrants(data: LayerData, context: RenderContext): Layer[] {
  const { state } = data;
  const version = state?.version ?? null;
  const fill = (_feature: Feature, { index }: AccessorContext<Feature>): Rgba =>
    hydrantStyle(state, index).fill;
  const line = (_feature: Feature, { index }: AccessorContext<Feature>): Rgba =>
    hydrantStyle(state, index).line;
  const lineWidth = (_feature: Feature, { index }: AccessorContext<Feature>): number =>
    hydrantStyle(state, index).lineWidth;

  return [
    new ScatterplotLayer<Feature>({
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
    }),
  ];
}

export const HYDRANTS_LEGEND: readonly LegendEntry[] = [
  { labelKey: 'legend.hydrants.inService', color: HYDRANT_STYLE.inService.fill, shape: 'circle' },
  {
    labelKey: 'legend.hydrants.outOfService',
    color: HYDRANT_STYLE.outOfService.line,
    shape: 'ring',
  },
  { labelKey: 'legend.hydrants.noReading', color: HYDRANT_STYLE.noReading.fill, shape: 'circle' },
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
