/**
 * The KPI contract: a domain's key figures, each computed from one layer's data (the same data
 * the map draws), over the features in scope (the area chosen), and able to say which features
 * it is about, so a click on the figure can show them. Pure functions of data, like `render`.
 */
import {
  statusInput,
  type LayerData,
  type LayerDefinition,
  type StatusInput,
} from './layer-contract';
import type { StatusLevel } from '../ui/theme';

/** How a figure reads: a count of features, an index (one decimal), a duration in seconds. */
export type KpiFormat = 'count' | 'index' | 'duration';

export interface KpiDefinition {
  /** Globally unique, `<domain>.<name>`. */
  readonly id: string;
  readonly domain: string;
  /** Key in the domain namespace. */
  readonly labelKey: string;
  /** The layer whose data the figure is computed from and whose features it is about. */
  readonly layer: LayerDefinition;
  readonly format: KpiFormat;
  /** The figure over the features in scope; null when there is nothing to measure. */
  value(data: LayerData, inScope: (index: number) => boolean): number | null;
  /** Whether a feature is one of those the figure is about (a click shows these). */
  counts(input: StatusInput): boolean;
  /** How the figure reads at a glance (its colour and word). */
  level(value: number | null): StatusLevel;
}

export type KpiDefinitionInput = Omit<KpiDefinition, 'domain'>;

/** The features in scope that `counts`: the figure of most KPIs. */
export function countFeatures(
  data: LayerData,
  inScope: (index: number) => boolean,
  counts: (input: StatusInput) => boolean,
): number {
  let total = 0;
  const { geometry, state } = data;
  for (let index = 0; index < geometry.length; index++) {
    if (inScope(index) && counts(statusInput(geometry, state, index))) total++;
  }
  return total;
}

/** A KPI that counts features (`counts`), with thresholds for warning and alarm. */
export function countingKpi(
  input: Omit<KpiDefinitionInput, 'format' | 'value' | 'level'> & {
    readonly warningAt: number;
    readonly alarmAt: number;
  },
): KpiDefinitionInput {
  const { warningAt, alarmAt, ...rest } = input;
  return {
    ...rest,
    format: 'count',
    value: (data, inScope) => countFeatures(data, inScope, input.counts),
    level: (value) =>
      value === null
        ? 'unknown'
        : value >= alarmAt
          ? 'alarm'
          : value >= warningAt
            ? 'warning'
            : 'normal',
  };
}

export function defineKpi(domain: string, input: KpiDefinitionInput): KpiDefinition {
  if (!input.id.startsWith(`${domain}.`) || input.layer.domain !== domain) {
    throw new Error(`KPI "${input.id}" must be "<domain>.<name>" on a layer of domain "${domain}"`);
  }
  return Object.freeze({ ...input, domain });
}
