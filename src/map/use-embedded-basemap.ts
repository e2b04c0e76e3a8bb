/**
 * The embedded base map arrives after the map exists: its sources and layers are added under
 * the deck.gl layers once both are there (again on a new map, after a context loss). Says
 * whether the map has been given the base map it shows, for tests and the benchmarks.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect, useState, type RefObject } from 'react';
import type { Basemap } from '../data/schemas';
import { basemapLayers, basemapSources } from './embedded-style';

export function useEmbeddedBasemap(
  mapRef: RefObject<MapLibreMap | null>,
  mapReady: boolean,
  embedded: Basemap | null,
): boolean {
  const [given, setGiven] = useState<Basemap | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !embedded) return;
    for (const [id, source] of Object.entries(basemapSources(embedded))) {
      if (!map.getSource(id)) map.addSource(id, source);
    }
    const firstCustom = map.getLayersOrder().find((id) => map.getLayer(id)?.type === 'custom');
    for (const layer of basemapLayers()) {
      if (!map.getLayer(layer.id)) map.addLayer(layer, firstCustom);
    }
    setGiven(embedded);
  }, [mapRef, embedded, mapReady]);
  return embedded !== null && given === embedded;
}
