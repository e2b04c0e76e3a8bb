/** Reading deck.gl layer props in tests, without WebGL: find layers, call their accessors. */
import type { Layer } from '@deck.gl/core';
import type { Feature } from '../../../src/data/schemas';

export function deckLayer(layers: readonly Layer[], id: string): Layer {
  const layer = layers.find((candidate) => candidate.id === id);
  if (!layer) throw new Error(`no deck layer "${id}" in [${layers.map((l) => l.id).join(', ')}]`);
  return layer;
}

export function prop(layer: Layer, name: string): unknown {
  return (layer.props as unknown as Record<string, unknown>)[name];
}

type AccessorFunction = (
  object: Feature,
  info: { index: number; data: unknown; target: number[] },
) => unknown;

/** Calls an accessor the way deck.gl does, `(object, { index, data, target })`; constants pass through. */
export function accessor(layer: Layer, name: string): (feature: Feature, index: number) => unknown {
  const value = prop(layer, name);
  if (typeof value !== 'function') return () => value;
  const fn = value as AccessorFunction;
  return (feature, index) => fn(feature, { index, data: layer.props.data, target: [] });
}

export function updateTrigger(layer: Layer, name: string): unknown {
  const triggers = prop(layer, 'updateTriggers');
  return typeof triggers === 'object' && triggers !== null
    ? (triggers as Record<string, unknown>)[name]
    : undefined;
}

/** Colours as plain arrays, so `toEqual` compares them with theme tuples. */
export function plain(value: unknown): unknown {
  return isNumberArray(value) ? Array.from(value) : value;
}

function isNumberArray(value: unknown): value is ArrayLike<number> {
  return Array.isArray(value) || ArrayBuffer.isView(value);
}
