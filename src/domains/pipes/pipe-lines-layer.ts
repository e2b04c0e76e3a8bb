/**
 * `pipes.water`, `pipes.drainage`, `pipes.gas`: one line layer per network, coloured by status,
 * styled by network, with pipes in warning or alarm drawn wider.
 */
import type { AccessorContext, Layer } from '@deck.gl/core';
import { PathStyleExtension } from '@deck.gl/extensions';
import { PathLayer } from '@deck.gl/layers';
import { perTable } from '../../data/feature-table';
import type { Feature } from '../../data/schemas';
import {
  colourFromTable,
  featureClasses,
  featureColours,
  valueOrNull,
} from '../../map/feature-columns';
import { pathData } from '../../map/feature-geometry';
import {
  defineLayer,
  type LayerData,
  type LayerDefinition,
  type LegendEntry,
  type RenderContext,
} from '../../map/layer-contract';
import { pickedLayerProps } from '../../map/layer-props';
import type { Rgba, StatusLevel } from '../../ui/theme';
import {
  NETWORK_LINE_STYLE,
  PIPE_STATUS_COLORS,
  SERVICE_LINE_WIDTH_FACTOR,
  STATUS_WIDTH_FACTOR,
  type PipeNetwork,
} from './networks';
import { describePipe } from './pipe-describe';
import { PIPE_READING_COLUMN, pipeStatus, pipeStatusOf } from './pipe-status';

const PRESSURE_CLASS = 'pressureClass';
const DASH_EXTENSION = new PathStyleExtension({ dash: true });
const DASH_EXTENSIONS = [DASH_EXTENSION];
const NO_EXTENSIONS: PathStyleExtension[] = [];

export function pipeLayerId(network: PipeNetwork): string {
  return `pipes.${network}`;
}

/** The statuses in the order of their class numbers. */
const STATUS_ORDER: readonly StatusLevel[] = ['normal', 'unknown', 'warning', 'alarm'];
const STATUS_CLASS = Object.fromEntries(STATUS_ORDER.map((level, k) => [level, k])) as Record<
  StatusLevel,
  number
>;
const STATUS_PALETTE: readonly Rgba[] = STATUS_ORDER.map((level) => PIPE_STATUS_COLORS[level]);
const STATUS_WIDTHS: readonly number[] = STATUS_ORDER.map((level) => STATUS_WIDTH_FACTOR[level]);

/** Each pipe's status class, in one pass over the network's reading column, kept with the read. */
function statusClasses(network: PipeNetwork, data: LayerData): (index: number) => number {
  const readings = data.state?.columns.get(PIPE_READING_COLUMN[network]);
  const { geometry } = data;
  return (index) =>
    STATUS_CLASS[
      pipeStatusOf(
        network,
        geometry.property(index, PRESSURE_CLASS),
        readings ? valueOrNull(readings[index]) : null,
      )
    ];
}

/** 1 for each service line (a building's connection, drawn thinner), once per table. */
const serviceLines = perTable((geometry) => {
  const service = new Uint8Array(geometry.length);
  for (let index = 0; index < service.length; index++)
    service[index] = geometry.property(index, 'service') === true ? 1 : 0;
  return service;
});

export function renderPipes(
  network: PipeNetwork,
  data: LayerData,
  context: RenderContext,
): Layer[] {
  const { state } = data;
  const style = NETWORK_LINE_STYLE[network];
  const version = state?.version ?? null;
  const id = pipeLayerId(network);
  const classOf = statusClasses(network, data);
  const colours = featureColours(data, id, STATUS_PALETTE, classOf);
  const classes = featureClasses(data, id, classOf);
  const service = serviceLines(data.geometry);
  const width = (_: Feature, { index }: AccessorContext<Feature>): number =>
    style.widthPixels *
    STATUS_WIDTHS[classes[index]!]! *
    (service[index] ? SERVICE_LINE_WIDTH_FACTOR : 1);

  return [
    new PathLayer<Feature>({
      id: pipeLayerId(network),
      ...pathData(data.geometry),
      getColor: colourFromTable<Feature>(colours),
      getWidth: width,
      widthUnits: 'pixels',
      capRounded: style.dash === null,
      jointRounded: true,
      extensions: style.dash === null ? NO_EXTENSIONS : DASH_EXTENSIONS,
      ...(style.dash === null ? {} : { getDashArray: style.dash }),
      ...pickedLayerProps(context),
      updateTriggers: { getColor: version, getWidth: version },
    }),
  ];
}

/** Every swatch in the network's own line style, so the legend shows how its pipes look. */
export function pipeLegend(network: PipeNetwork): readonly LegendEntry[] {
  const shape = NETWORK_LINE_STYLE[network].legendShape;
  return [
    { labelKey: `legend.${network}.normal`, color: PIPE_STATUS_COLORS.normal, shape },
    { labelKey: `legend.${network}.warning`, color: PIPE_STATUS_COLORS.warning, shape },
    { labelKey: `legend.${network}.alarm`, color: PIPE_STATUS_COLORS.alarm, shape },
    { labelKey: `legend.${network}.unknown`, color: PIPE_STATUS_COLORS.unknown, shape },
    { labelKey: `legend.${network}.style`, color: PIPE_STATUS_COLORS.normal, shape },
  ];
}

export function pipeLineLayer(network: PipeNetwork): LayerDefinition {
  return defineLayer({
    id: pipeLayerId(network),
    domain: 'pipes',
    titleKey: `layers.${network}`,
    dataset: pipeLayerId(network),
    defaultVisible: true,
    legend: pipeLegend(network),
    render: (data, context) => renderPipes(network, data, context),
    describe: (input) => describePipe(network, input),
    status: ({ geometry, state, index }) =>
      pipeStatus(network, geometry.property(index, PRESSURE_CLASS), state, index),
  });
}

export const waterPipesLayer = pipeLineLayer('water');
export const drainagePipesLayer = pipeLineLayer('drainage');
export const gasPipesLayer = pipeLineLayer('gas');
