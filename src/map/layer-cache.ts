/**
 * Each source's deck.gl layers, kept while what they are drawn from is the same: the source (a
 * new object whenever its data or status changes, see use-layer-sources) and its render context
 * (zoom, opacity, visibility, language, selection, clock: every field of it, so that one added to
 * `RenderContext` later counts too). A pulse's tick then makes new layers for the animated sources
 * alone, and deck.gl, handed the same instances for the others, skips them without comparing a
 * prop: a tiled layer does not draw its tiles again, nor join their live values again, for another
 * layer's pulse. The layers drawn over them all (the selection's highlight, the base map's labels)
 * are kept the same way, each under its name while what it is made from is the same.
 *
 * A cache belongs to one map: deck.gl layers carry the state (GPU buffers) of the map they were
 * drawn on, so a map made anew (after a context loss) needs a new cache.
 */
import type { Layer } from '@deck.gl/core';
import type { RenderContext } from './layer-contract';
import type { LayerSource } from './layer-sources';
import { sameValues } from '../ui/kept-values';

export interface LayerCache {
  /** The layers `build` made for this source and context before, or those it makes now. */
  layersOf(source: LayerSource, context: RenderContext, build: () => Layer[]): Layer[];
  /** The layer `build` made under this name before, while each of `inputs` is the same. */
  layerFor(name: string, inputs: readonly unknown[], build: () => Layer): Layer;
}

/**
 * Every own field of the two contexts, whatever they are: the same keys, each value the same
 * (`Object.is`). Not field by field by name, so that a field added to `RenderContext` later is
 * compared too rather than silently ignored (its layers would stay stale).
 */
function sameContext(a: RenderContext, b: RenderContext): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      Object.is(a[key as keyof RenderContext], b[key as keyof RenderContext]),
  );
}

export function createLayerCache(): LayerCache {
  // Weak: a source replaced by a newer one takes its layers with it.
  const kept = new WeakMap<LayerSource, { context: RenderContext; layers: Layer[] }>();
  const named = new Map<string, { inputs: readonly unknown[]; layer: Layer }>();
  return {
    layersOf(source, context, build) {
      const entry = kept.get(source);
      if (entry && sameContext(entry.context, context)) return entry.layers;
      const layers = build();
      kept.set(source, { context, layers });
      return layers;
    },
    layerFor(name, inputs, build) {
      const entry = named.get(name);
      if (entry && sameValues(entry.inputs, inputs)) return entry.layer;
      const layer = build();
      named.set(name, { inputs, layer });
      return layer;
    },
  };
}
