/**
 * Each source's deck.gl layers, kept while what they are drawn from is the same: the source (a
 * new object whenever its data or status changes, see use-layer-sources) and its render context
 * (zoom, opacity, visibility, language, selection, clock). A pulse's tick then makes new layers for
 * the animated sources alone, and deck.gl, handed the same instances for the others, skips them
 * without comparing a prop: a tiled layer does not draw its tiles again, nor join their live
 * values again, for another layer's pulse.
 *
 * A cache belongs to one map: deck.gl layers carry the state (GPU buffers) of the map they were
 * drawn on, so a map made anew (after a context loss) needs a new cache.
 */
import type { Layer } from '@deck.gl/core';
import type { RenderContext } from './layer-contract';
import type { LayerSource } from './layer-sources';

export interface LayerCache {
  /** The layers `build` made for this source and context before, or those it makes now. */
  layersOf(source: LayerSource, context: RenderContext, build: () => Layer[]): Layer[];
}

function sameContext(a: RenderContext, b: RenderContext): boolean {
  return (
    a.zoom === b.zoom &&
    a.opacity === b.opacity &&
    a.visible === b.visible &&
    a.language === b.language &&
    a.selectedId === b.selectedId &&
    a.animationTime === b.animationTime
  );
}

export function createLayerCache(): LayerCache {
  // Weak: a source replaced by a newer one takes its layers with it.
  const kept = new WeakMap<LayerSource, { context: RenderContext; layers: Layer[] }>();
  return {
    layersOf(source, context, build) {
      const entry = kept.get(source);
      if (entry && sameContext(entry.context, context)) return entry.layers;
      const layers = build();
      kept.set(source, { context, layers });
      return layers;
    },
  };
}
