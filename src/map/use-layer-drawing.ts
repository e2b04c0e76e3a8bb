/**
 * The map view's deck.gl layers: made from the page's state (compose-layers.ts) and handed to the
 * overlay when that state changes, once more after the base map has loaded, and on each tick of
 * the animation loop. In two parts, with the map's creation between them: `useDrawnLayers` (the
 * list last handed over and the layer cache) comes before the map-creation effect, which needs it;
 * `useLayerDrawing` comes after, so that its effects run after that one and a new overlay is
 * handed its layers in the same commit.
 */
import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { Basemap, Position } from '../data/schemas';
import { composeLayers, hasAnimatedVisibleLayer, type EmphasisRef } from './compose-layers';
import { createLayerCache, type LayerCache } from './layer-cache';
import type { Language } from './layer-contract';
import type { LayerSource } from './layer-sources';
import type { FeatureRef, LayerSetting } from './store';
import type { TileEvents } from './tiled-layer';
import { useTilesInView } from './tiles-in-view';
import { useAnimationLoop } from './use-animation-loop';
import { layerZoom } from './layer-zoom';

const NO_ATTENTION: readonly Position[] = [];
const TILE_EVENTS: TileEvents = {
  onTilesInView: (tiles, tables) => useTilesInView.getState().report(tiles, tables),
  onTileFailed: (tiles, message) => useTilesInView.getState().fail(tiles, message),
};
const NO_OVERLAYS: readonly Layer[] = [];

/** The layers handed to deck.gl and the cache they are made with: one of each per map view. */
export interface DrawnLayers {
  /** The layers last handed to deck.gl (they carry deck.gl's state once drawn). */
  readonly drawnLayersRef: RefObject<Layer[]>;
  /** The layers made for the current map, handed back where nothing changed (layer-cache.ts). */
  readonly layerCacheRef: RefObject<LayerCache>;
  /** A new map (and overlay) was made: layers made for the one before are no use to it. */
  mapCreated(): void;
  /** Records the layers handed to deck.gl, and the zoom (`layerZoom`) they were made for. */
  handedOver(made: LayersMade): void;
  /**
   * What the layers last handed to deck.gl lack for a map at `mapZoom`: the ids of those that do
   * not have all they draw yet (tiles in view), and `zoom` when they were made for another zoom.
   * A jump's new zoom reaches the layers only after React's next render, so the frames drawn in
   * between show the layers of the zoom before (road labels of the wrong zoom, say).
   */
  pendingFor(mapZoom: number): string[];
}

/** Layers made for deck.gl, and the zoom they were made for. */
interface LayersMade {
  readonly layers: Layer[];
  readonly madeForZoom: number;
}

function createDrawnLayers(): DrawnLayers {
  const drawnLayersRef: RefObject<Layer[]> = { current: [] };
  let drawnZoom: number | null = null;
  const layerCacheRef: RefObject<LayerCache> = { current: createLayerCache() };
  return {
    drawnLayersRef,
    layerCacheRef,
    mapCreated: () => {
      layerCacheRef.current = createLayerCache();
      // The new overlay has none of them until they are handed over again.
      drawnLayersRef.current = [];
      drawnZoom = null;
    },
    handedOver: ({ layers, madeForZoom }) => {
      drawnLayersRef.current = layers;
      drawnZoom = madeForZoom;
    },
    pendingFor: (mapZoom) => {
      const pending = drawnLayersRef.current.filter((layer) => !layer.isLoaded).map((l) => l.id);
      return drawnZoom === layerZoom(mapZoom) ? pending : [...pending, 'zoom'];
    },
  };
}

/** The same object for the life of the component: the map-creation effect depends on it. */
export function useDrawnLayers(): DrawnLayers {
  return useState(createDrawnLayers)[0];
}

/** What the layers are made from (the map view's props of the same names, and its zoom). */
export interface LayerDrawingInput {
  sources: readonly LayerSource[];
  settings: Record<string, LayerSetting>;
  language: Language;
  zoom: number;
  selection: FeatureRef | null;
  emphasis?: EmphasisRef | null;
  focus?: EmphasisRef | null;
  attention?: readonly Position[];
  overlays?: readonly Layer[];
  /** The embedded base map, whose labels are drawn over the layers. */
  embedded: Basemap | null;
}

export function useLayerDrawing(
  drawn: DrawnLayers,
  mapRef: RefObject<MapLibreMap | null>,
  overlayRef: RefObject<MapLibreOverlay | null>,
  mapReady: boolean,
  basemapReady: boolean,
  input: LayerDrawingInput,
): void {
  const { drawnLayersRef, layerCacheRef } = drawn;
  const { sources, settings, language, zoom, selection, emphasis, focus, attention, overlays } =
    input;
  const drawLayers = useCallback(
    (made: LayersMade) => {
      drawn.handedOver(made);
      overlayRef.current?.setProps({ layers: made.layers });
    },
    [drawn, overlayRef],
  );

  const { embedded } = input;
  const buildLayers = useCallback(
    (animationTime: number): LayersMade => ({
      madeForZoom: zoom,
      layers: composeLayers({
        sources,
        settings,
        language,
        zoom,
        selection,
        emphasis: emphasis ?? null,
        focus: focus ?? null,
        attention: attention ?? NO_ATTENTION,
        overlays: overlays ?? NO_OVERLAYS,
        labels: embedded?.labels ?? [],
        animationTime,
        tileEvents: TILE_EVENTS,
        cache: layerCacheRef.current,
      }),
    }),
    [
      sources,
      settings,
      language,
      selection,
      emphasis,
      focus,
      attention,
      overlays,
      zoom,
      embedded,
      layerCacheRef,
    ],
  );

  useEffect(() => {
    drawLayers(buildLayers(performance.now()));
  }, [buildLayers, drawLayers, mapReady]);
  // Again after the first frame with the base map loaded (a new map's too, after a context loss):
  // deck.gl layers handed over before the base map's 3D buildings were drawn can come out over
  // them, ignoring their depth, until deck.gl is given its layers again, as new layers.
  const latestBuild = useRef(buildLayers);
  useLayoutEffect(() => {
    latestBuild.current = buildLayers;
  });
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !basemapReady) return;
    const redraw = () => {
      if (!map.loaded()) return;
      map.off('render', redraw);
      layerCacheRef.current = createLayerCache();
      drawLayers(latestBuild.current(performance.now()));
    };
    map.on('render', redraw);
    map.triggerRepaint();
    return () => void map.off('render', redraw);
  }, [mapRef, layerCacheRef, mapReady, basemapReady, drawLayers]);

  // Animated layers (pulsing alarms) re-render on a timer, outside React.
  const animate = hasAnimatedVisibleLayer(sources, settings) || (attention?.length ?? 0) > 0;
  const animationTick = useCallback(
    (animationTime: number) => drawLayers(buildLayers(animationTime)),
    [buildLayers, drawLayers],
  );
  // deck.gl takes the layers handed to it on its own next frame: until then it has none of them.
  const drawnLayersTaken = useCallback(
    () => drawnLayersRef.current.every((layer) => layer.lifecycle !== 'Awaiting state'),
    [drawnLayersRef],
  );
  useAnimationLoop(mapRef, animate && mapReady, animationTick, drawnLayersTaken);
}
