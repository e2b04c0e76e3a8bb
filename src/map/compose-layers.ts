/**
 * One pure function from everything on the page to the deck.gl layer list: domain layers in
 * domain order, then the selection highlight, then the base map labels on top. Hidden layers stay
 * in the list with `visible: false` (deck.gl keeps their GPU buffers; toggling is instant).
 */
import type { Layer } from '@deck.gl/core';
import type { BasemapLabel, Feature, Position } from '../data/schemas';
import { attentionLayer } from './attention-layer';
import { basemapLabelsLayer } from './basemap-labels';
import type { LayerCache } from './layer-cache';
import type { Language, RenderContext } from './layer-contract';
import type { LayerSource } from './layer-sources';
import { focusHighlightLayer, selectionHighlightLayer } from './selection-highlight';
import { layerSetting, type FeatureRef, type LayerSetting } from './store';
import { tiledLayer, type TileEvents } from './tiled-layer';

export interface ComposeInput {
  sources: readonly LayerSource[];
  settings: Record<string, LayerSetting>;
  language: Language;
  zoom: number;
  selection: FeatureRef | null;
  /** Features highlighted with the selection (all of an alarm's features). */
  emphasis: EmphasisRef | null;
  /** Features a figure counts: their layer is dimmed and they are drawn over it. */
  focus?: EmphasisRef | null;
  /** Places that pulse to catch the eye. */
  attention: readonly Position[];
  /** Layers of the operator's work over the domain layers (areas shaded by a figure). */
  overlays?: readonly Layer[];
  labels: readonly BasemapLabel[];
  animationTime: number;
  /** Where a tiled layer's tile loads and failures are told (the same for every call). */
  tileEvents?: TileEvents;
  /** Layers made by earlier calls for the same map, to be handed back where nothing changed. */
  cache?: LayerCache;
}

const IGNORED_TILE_EVENTS: TileEvents = { onTilesInView: () => {}, onTileFailed: () => {} };

export interface EmphasisRef {
  readonly layerId: string;
  readonly featureIds: readonly string[];
}

function emphasised(
  sources: readonly LayerSource[],
  settings: Record<string, LayerSetting>,
  ref: EmphasisRef | null,
): Feature[] {
  if (!ref) return [];
  const source = sources.find((candidate) => candidate.layer.id === ref.layerId);
  if (!source?.data || !layerSetting(settings, source.layer).visible) return [];
  const { geometry } = source.data;
  return ref.featureIds.flatMap((id) => {
    const index = geometry.indexOf(id);
    return index < 0 ? [] : [geometry.feature(index)];
  });
}

export function findFeature(
  sources: readonly LayerSource[],
  ref: FeatureRef | null,
): { source: LayerSource; feature: Feature; index: number } | null {
  if (!ref) return null;
  const source = sources.find((candidate) => candidate.layer.id === ref.layerId);
  const geometry = source?.data?.geometry;
  const index = geometry ? geometry.indexOf(ref.featureId) : -1;
  return source && geometry && index >= 0
    ? { source, feature: geometry.feature(index), index }
    : null;
}

/** A focused layer fades back so the features its figure counts stand out. */
const FOCUS_DIM = 0.3;

export function composeLayers(input: ComposeInput): Layer[] {
  const layers: Layer[] = [];
  const focusLayerId = input.focus?.layerId ?? null;
  for (const source of input.sources) {
    if (!source.data) continue;
    const setting = layerSetting(input.settings, source.layer);
    const dim = source.layer.id === focusLayerId ? FOCUS_DIM : 1;
    const context: RenderContext = {
      zoom: input.zoom,
      opacity: setting.opacity * dim,
      visible: setting.visible,
      language: input.language,
      selectedId: input.selection?.layerId === source.layer.id ? input.selection.featureId : null,
      animationTime: source.layer.animated ? input.animationTime : 0,
    };
    const { data } = source;
    const build = (): Layer[] => {
      if (!data.tiled) return source.layer.render(data, context);
      // A hidden tiled layer is left out, so that it reads no tiles meanwhile.
      if (!setting.visible) return [];
      return [
        tiledLayer(source.layer, data.tiled, context, input.tileEvents ?? IGNORED_TILE_EVENTS),
      ];
    };
    layers.push(...(input.cache ? input.cache.layersOf(source, context, build) : build()));
  }
  layers.push(...(input.overlays ?? []));
  // Over the domain layers: each kept while what it shows is the same (a pulse's tick makes a
  // new attention pulse, and no new highlight or labels).
  const keep = (name: string, inputs: readonly unknown[], build: () => Layer): Layer =>
    input.cache ? input.cache.layerFor(name, inputs, build) : build();
  const { sources, settings } = input;
  const focus = input.focus ?? null;
  if (focus)
    layers.push(
      keep('focus-highlight', [sources, settings, focus], () =>
        focusHighlightLayer(emphasised(sources, settings, focus)),
      ),
    );
  layers.push(
    keep('selection-highlight', [sources, settings, input.selection, input.emphasis], () =>
      selectionHighlightLayer(highlightedFeatures(input)),
    ),
  );
  if (input.attention.length > 0)
    layers.push(
      keep('attention', [input.attention, input.animationTime], () =>
        attentionLayer(input.attention, input.animationTime),
      ),
    );
  // An empty TextLayer still builds a (zero-size) font atlas, which WebGL rejects with a warning.
  if (input.labels.length > 0)
    layers.push(
      keep('basemap-labels', [input.labels, input.language, input.zoom], () =>
        basemapLabelsLayer(input.labels, input.language, input.zoom),
      ),
    );
  return layers;
}

/** The selected feature (where its layer is shown) and the features emphasised with it. */
function highlightedFeatures(input: ComposeInput): Feature[] {
  const selected = findFeature(input.sources, input.selection);
  const selectedVisible = selected && layerSetting(input.settings, selected.source.layer).visible;
  const highlighted = emphasised(input.sources, input.settings, input.emphasis);
  // By id: a feature made from columns is a new object each time it is asked for.
  if (selectedVisible && !highlighted.some((feature) => feature.id === selected.feature.id))
    highlighted.push(selected.feature);
  return highlighted;
}

export function hasAnimatedVisibleLayer(
  sources: readonly LayerSource[],
  settings: Record<string, LayerSetting>,
): boolean {
  return sources.some(
    (source) =>
      source.layer.animated && source.data && layerSetting(settings, source.layer).visible,
  );
}
