/**
 * The layer contract. A domain layer is a plain object: which dataset it draws, a pure `render`
 * from data to deck.gl layers, its legend and how to describe one feature. The map engine knows
 * this contract and nothing about any particular domain.
 */
import type { Layer } from '@deck.gl/core';
import type { TiledFeatures } from '../data/adapter';
import type { FeatureTable } from '../data/feature-table';
import type { StateTable } from '../data/live-state';
import type { Feature, LiveReadings } from '../data/schemas';
import type { Rgba, StatusLevel } from '../ui/theme';
import type { KpiDefinition } from './kpi-contract';

export type Language = 'zh-CN' | 'en';

/** Translates a key of the layer's own domain namespace. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export interface LayerData {
  readonly geometry: FeatureTable;
  /** Null until the first live state arrives, or for datasets without live state. */
  readonly state: StateTable | null;
  /**
   * A geometry read as vector tiles: the engine draws it tile by tile, each tile through the
   * layer's own `render` with the live values joined by id. `geometry` then holds the features
   * of the tiles in view. A layer's `render` never sees this.
   */
  readonly tiled?: TiledLayerData | null;
}

export interface TiledLayerData {
  readonly tiles: TiledFeatures;
  /** The dataset's latest live state, joined onto each tile's features as it is drawn. */
  readonly readings: LiveReadings | null;
  /** Goes up when the tiles are to be read again (some failed). */
  readonly generation: number;
}

export interface RenderContext {
  /**
   * The map's zoom, rounded down to half levels: what a layer changes at (a threshold, a level of
   * detail) must be a multiple of 0.5, so that a wheel step within one half level re-renders
   * nothing.
   */
  readonly zoom: number;
  /** 0..1, from the layer panel. */
  readonly opacity: number;
  readonly visible: boolean;
  readonly language: Language;
  /** Feature id selected in this layer, if any (the engine draws the highlight itself). */
  readonly selectedId: string | null;
  /** A clock for animated layers (ms); constant for layers that are not `animated`. */
  readonly animationTime: number;
}

export type LegendShape =
  'line' | 'dashed-line' | 'dotted-line' | 'circle' | 'ring' | 'square' | 'arrow' | 'hexagon';

export interface LegendEntry {
  /** Key in the domain namespace. */
  readonly labelKey: string;
  /** Values the label interpolates (e.g. the zoom a drawing changes at). */
  readonly labelVars?: Record<string, string | number>;
  readonly color: Rgba;
  readonly shape: LegendShape;
}

/** A legend entry's text, in the domain's language. */
export function legendLabel(entry: LegendEntry, t: Translate): string {
  return t(entry.labelKey, entry.labelVars);
}

export interface DescriptionRow {
  readonly label: string;
  readonly value: string;
  readonly level?: StatusLevel;
}

export interface FeatureDescription {
  /** The feature's name, in the current language. Plain text: never interpreted as HTML. */
  readonly title: string;
  /** The one live value that matters most (tooltip line). */
  readonly primary: DescriptionRow;
  /**
   * The rows of the details panel, in order. The panel shows the primary value first unless a row
   * has the primary's label (then that row is where it belongs).
   */
  readonly rows: readonly DescriptionRow[];
}

export interface DescribeInput {
  readonly feature: Feature;
  readonly index: number;
  readonly state: StateTable | null;
  readonly language: Language;
  readonly t: Translate;
}

export interface LayerDefinition {
  /** Globally unique, `<domain>.<name>`; every deck.gl layer it renders has an id starting with it. */
  readonly id: string;
  readonly domain: string;
  /** Key in the domain namespace. */
  readonly titleKey: string;
  /** Catalog dataset whose geometry and live state this layer draws. */
  readonly dataset: string;
  readonly defaultVisible: boolean;
  readonly defaultOpacity: number;
  /** Re-render on the animation clock (pulsing alarms). */
  readonly animated: boolean;
  readonly legend: readonly LegendEntry[];
  /** Pure: same data and context, same layer props. Picked objects must be `Feature`s of the data. */
  render(data: LayerData, context: RenderContext): Layer[];
  describe(input: DescribeInput): FeatureDescription;
  /** The feature's status from its live values: counted for the layer's status line. */
  status(input: StatusInput): StatusLevel;
}

/**
 * One feature, for a pass over every feature (status counts, figures). `feature` is made only
 * when read (from columns it is a new object each time): a rule that needs one property reads it
 * from `geometry` by index instead.
 */
export interface StatusInput extends Omit<DescribeInput, 'language' | 't'> {
  readonly geometry: FeatureTable;
}

/** The status input of feature `index`. */
export function statusInput(
  geometry: FeatureTable,
  state: StateTable | null,
  index: number,
): StatusInput {
  return {
    geometry,
    state,
    index,
    get feature() {
      return geometry.feature(index);
    },
  };
}

export type LayerDefinitionInput = Omit<LayerDefinition, 'animated' | 'defaultOpacity'> &
  Partial<Pick<LayerDefinition, 'animated' | 'defaultOpacity'>>;

const LAYER_ID = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

export function defineLayer(input: LayerDefinitionInput): LayerDefinition {
  if (!LAYER_ID.test(input.id) || !input.id.startsWith(`${input.domain}.`)) {
    throw new Error(
      `layer id "${input.id}" must be "<domain>.<name>" within domain "${input.domain}"`,
    );
  }
  return Object.freeze({ animated: false, defaultOpacity: 1, ...input });
}

/** Messages of one domain, per language; registered by the app as the domain's i18n namespace. */
export type DomainMessages = Record<Language, Record<string, unknown>>;

export interface DomainModule {
  readonly id: string;
  /** Key in the domain namespace. */
  readonly titleKey: string;
  readonly layers: readonly LayerDefinition[];
  /** The domain's key figures, for the KPI bar (none: the domain shows no figures). */
  readonly kpis?: readonly KpiDefinition[];
  readonly messages: DomainMessages;
}

export function defineDomain(domain: DomainModule): DomainModule {
  for (const kpi of domain.kpis ?? []) {
    if (kpi.domain !== domain.id || !domain.layers.includes(kpi.layer)) {
      throw new Error(`KPI "${kpi.id}" does not belong to domain "${domain.id}" and its layers`);
    }
  }
  for (const layer of domain.layers) {
    if (layer.domain !== domain.id) {
      throw new Error(`layer "${layer.id}" does not belong to domain "${domain.id}"`);
    }
  }
  return Object.freeze(domain);
}
