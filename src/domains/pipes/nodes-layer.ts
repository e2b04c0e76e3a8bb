/**
 * `pipes.nodes`: pumps, valves and manholes, drawn from `NODE_MIN_ZOOM` on. The layers stay in the
 * list when zoomed out or hidden (only `visible` changes), so zooming back in costs nothing.
 * Discs and symbols are hidden by buildings like the pipes they sit on, and always together: a
 * symbol drawn over a building without its disc would mean nothing.
 */
import { featureObjects } from '../../data/feature-table';
import type { AccessorContext, Layer } from '@deck.gl/core';
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Feature } from '../../data/schemas';
import { pointPosition } from '../../map/feature-geometry';
import { stringProperty } from '../../map/feature-text';
import {
  defineLayer,
  type LayerData,
  type LegendEntry,
  type RenderContext,
} from '../../map/layer-contract';
import { pickedLayerProps, textLayerProps } from '../../map/layer-props';
import { statusColors, type Rgba } from '../../ui/theme';
import { NETWORK_COLORS, pipeNetworkOf } from './networks';
import { featureNodeCondition, nodeConditionStatus, nodeKindOf } from './node-condition';
import { describeNode } from './nodes-describe';
import {
  NODE_FILL,
  NODE_MIN_ZOOM,
  NODE_OUTLINE_PIXELS,
  NODE_RADIUS_PIXELS,
  NODE_SYMBOL,
  NODE_SYMBOL_CHARACTERS,
  NODE_SYMBOL_COLOR,
  NODE_SYMBOL_SIZE_PIXELS,
  UNKNOWN_KIND_RADIUS_PIXELS,
  nodeOutlineColor,
} from './node-style';

export const NODES_LAYER_ID = 'pipes.nodes';
export const NODE_SYMBOLS_LAYER_ID = `${NODES_LAYER_ID}-symbols`;

function nodeRadius(feature: Feature): number {
  const kind = nodeKindOf(feature);
  return kind ? NODE_RADIUS_PIXELS[kind] : UNKNOWN_KIND_RADIUS_PIXELS;
}

function nodeLineColor(feature: Feature): Rgba {
  return nodeOutlineColor(pipeNetworkOf(stringProperty(feature, 'network')));
}

function symbolSize(feature: Feature): number {
  const kind = nodeKindOf(feature);
  return kind ? NODE_SYMBOL_SIZE_PIXELS[kind] : 0;
}

export function renderNodes(data: LayerData, context: RenderContext): Layer[] {
  // A small layer: drawn from feature objects.
  const features = featureObjects(data.geometry);
  const { state } = data;
  const version = state?.version ?? null;
  const visible = context.visible && context.zoom >= NODE_MIN_ZOOM;
  const fill = (feature: Feature, { index }: AccessorContext<Feature>): Rgba =>
    NODE_FILL[featureNodeCondition(feature, state, index)];
  const symbol = (feature: Feature, { index }: AccessorContext<Feature>): string =>
    NODE_SYMBOL[featureNodeCondition(feature, state, index)];

  return [
    new ScatterplotLayer<Feature>({
      id: NODES_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getRadius: nodeRadius,
      radiusUnits: 'pixels',
      filled: true,
      stroked: true,
      getFillColor: fill,
      getLineColor: nodeLineColor,
      getLineWidth: NODE_OUTLINE_PIXELS,
      lineWidthUnits: 'pixels',
      ...pickedLayerProps(context),
      visible,
      updateTriggers: { getFillColor: version },
    }),
    new TextLayer<Feature>({
      id: NODE_SYMBOLS_LAYER_ID,
      data: features,
      getPosition: pointPosition,
      getText: symbol,
      getSize: symbolSize,
      getColor: NODE_SYMBOL_COLOR,
      characterSet: NODE_SYMBOL_CHARACTERS,
      ...textLayerProps(context),
      visible,
      updateTriggers: { getText: version },
    }),
  ];
}

export const NODES_LEGEND: readonly LegendEntry[] = [
  { labelKey: 'legend.nodes.pumpRunning', color: NODE_FILL.running, shape: 'circle' },
  { labelKey: 'legend.nodes.pumpStopped', color: NODE_FILL.stopped, shape: 'circle' },
  { labelKey: 'legend.nodes.valveOpen', color: NODE_FILL.open, shape: 'circle' },
  { labelKey: 'legend.nodes.valveClosed', color: NODE_FILL.closed, shape: 'circle' },
  { labelKey: 'legend.nodes.noReading', color: statusColors.unknown, shape: 'circle' },
  { labelKey: 'legend.nodes.manhole', color: NETWORK_COLORS.drainage, shape: 'ring' },
  { labelKey: 'legend.nodes.water', color: NETWORK_COLORS.water, shape: 'ring' },
  { labelKey: 'legend.nodes.drainage', color: NETWORK_COLORS.drainage, shape: 'ring' },
  { labelKey: 'legend.nodes.gas', color: NETWORK_COLORS.gas, shape: 'ring' },
];

export const nodesLayer = defineLayer({
  id: NODES_LAYER_ID,
  domain: 'pipes',
  titleKey: 'layers.nodes',
  dataset: 'pipes.nodes',
  defaultVisible: true,
  legend: NODES_LEGEND,
  render: renderNodes,
  describe: describeNode,
  status: ({ feature, state, index }) =>
    nodeConditionStatus(featureNodeCondition(feature, state, index)) ?? 'normal',
});
