/** Mapping deck.gl picks back to (layer definition, feature). */
import type { PickingInfo } from '@deck.gl/core';
import type { Feature } from '../data/schemas';
import { tableOfLayerData } from './feature-geometry';
import type { LayerDefinition } from './layer-contract';
import type { FeatureRef } from './store';

/** The definition that rendered a deck layer: its id is the definition id, or starts with it and '-'. */
export function definitionOfDeckLayer(
  layers: readonly LayerDefinition[],
  deckLayerId: string,
): LayerDefinition | null {
  return (
    layers.find((layer) => deckLayerId === layer.id || deckLayerId.startsWith(`${layer.id}-`)) ??
    null
  );
}

function isFeature(value: unknown): value is Feature {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'Feature' &&
    typeof (value as { id?: unknown }).id === 'string'
  );
}

export function pickedFeature(
  layers: readonly LayerDefinition[],
  info: PickingInfo,
): FeatureRef | null {
  if (!info.picked || !info.layer) return null;
  const featureId = pickedFeatureId(info);
  const layer = featureId === null ? null : definitionOfDeckLayer(layers, info.layer.id);
  return layer && featureId !== null ? { layerId: layer.id, featureId } : null;
}

/**
 * The picked object's id; from binary data (no object), the id at the picked index, in the table
 * the picked layer drew (for a tiled layer, the tile's own layer: `sourceLayer`).
 */
function pickedFeatureId(info: PickingInfo): string | null {
  if (isFeature(info.object)) return info.object.id;
  const table =
    tableOfLayerData(info.layer?.props.data) ?? tableOfLayerData(info.sourceLayer?.props.data);
  return table && info.index >= 0 && info.index < table.length ? table.id(info.index) : null;
}
