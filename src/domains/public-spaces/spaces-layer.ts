/**
 * `public-spaces.spaces`: parks, plazas, transit halls and venues shaded by how full they are,
 * outlined in their kind's colour, with a thicker outline at the warning and alarm thresholds.
 */
import { featureObjects } from '../../data/feature-table';
import type { AccessorContext, Layer } from '@deck.gl/core';
import { PolygonLayer } from '@deck.gl/layers';
import type { Feature } from '../../data/schemas';
import { polygonRings } from '../../map/feature-geometry';
import {
  defineLayer,
  type LayerData,
  type LegendEntry,
  type RenderContext,
} from '../../map/layer-contract';
import { pickedLayerProps } from '../../map/layer-props';
import { statusColors, type Rgba } from '../../ui/theme';
import { occupancyStatus } from './occupancy';
import { OCCUPANCY_SCALE, occupancyFillColor } from './occupancy-colors';
import {
  OUTLINE_WIDTH_PIXELS,
  SPACE_KIND_OUTLINE,
  spaceKindOf,
  spaceOutlineColor,
} from './space-kind';
import { spaceOccupancy } from './space-occupancy';
import { describeSpace } from './spaces-describe';

export const SPACES_LAYER_ID = 'public-spaces.spaces';

function outlineColor(feature: Feature): Rgba {
  return spaceOutlineColor(spaceKindOf(feature));
}

export function renderSpaces(data: LayerData, context: RenderContext): Layer[] {
  const { state } = data;
  const version = state?.version ?? null;
  const fill = (feature: Feature, { index }: AccessorContext<Feature>): Rgba =>
    occupancyFillColor(spaceOccupancy(feature, state, index));
  const outlineWidth = (feature: Feature, { index }: AccessorContext<Feature>): number =>
    OUTLINE_WIDTH_PIXELS[occupancyStatus(spaceOccupancy(feature, state, index))];

  return [
    new PolygonLayer<Feature>({
      id: SPACES_LAYER_ID,
      data: featureObjects(data.geometry),
      getPolygon: polygonRings,
      filled: true,
      stroked: true,
      getFillColor: fill,
      getLineColor: outlineColor,
      getLineWidth: outlineWidth,
      lineWidthUnits: 'pixels',
      lineJointRounded: true,
      ...pickedLayerProps(context),
      updateTriggers: { getFillColor: version, getLineWidth: version },
    }),
  ];
}

const LOW = OCCUPANCY_SCALE[0] ?? statusColors.normal;
const HIGH = OCCUPANCY_SCALE[OCCUPANCY_SCALE.length - 1] ?? statusColors.normal;

export const SPACES_LEGEND: readonly LegendEntry[] = [
  { labelKey: 'legend.low', color: LOW, shape: 'square' },
  { labelKey: 'legend.high', color: HIGH, shape: 'square' },
  { labelKey: 'legend.warning', color: statusColors.warning, shape: 'square' },
  { labelKey: 'legend.alarm', color: statusColors.alarm, shape: 'square' },
  { labelKey: 'legend.unknown', color: statusColors.unknown, shape: 'square' },
  { labelKey: 'legend.park', color: SPACE_KIND_OUTLINE.park, shape: 'line' },
  { labelKey: 'legend.plaza', color: SPACE_KIND_OUTLINE.plaza, shape: 'line' },
  { labelKey: 'legend.transit', color: SPACE_KIND_OUTLINE.transit, shape: 'line' },
  { labelKey: 'legend.venue', color: SPACE_KIND_OUTLINE.venue, shape: 'line' },
];

export const spacesLayer = defineLayer({
  id: SPACES_LAYER_ID,
  domain: 'public-spaces',
  titleKey: 'layers.spaces',
  dataset: 'public-spaces.spaces',
  defaultVisible: true,
  legend: SPACES_LEGEND,
  render: renderSpaces,
  describe: describeSpace,
  status: ({ feature, state, index }) => occupancyStatus(spaceOccupancy(feature, state, index)),
});
