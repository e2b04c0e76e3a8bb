/**
 * What the console and the wall set up the same way around their map: the domains' layers with
 * the view link in the URL, which layers are on, the source's time and the base map. Each is a
 * hook of its own, so that each screen keeps calling them where (and in the order) it did.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { DataAdapter } from '../data/adapter';
import { basemapQuery, clockQuery } from '../data/queries';
import type { DomainModule, LayerDefinition } from '../map/layer-contract';
import type { BasemapChoice } from '../map/map-view';
import { layerSetting, type UiState } from '../map/store';
import type { RuntimeConfig } from './config/runtime-config';
import { useSimulatedTime } from './demo/simulated-time';
import { useViewLink } from './share/use-view-link';

/** The domains' layers, and the view link that knows their ids and the domains' KPI ids. */
export function useDomainViewLink(domains: readonly DomainModule[]) {
  const layers = useMemo(() => domains.flatMap((domain) => domain.layers), [domains]);
  const kpiIds = useMemo(
    () => domains.flatMap((domain) => (domain.kpis ?? []).map((kpi) => kpi.id)),
    [domains],
  );
  const viewLink = useViewLink(layers, kpiIds);
  return { layers, viewLink };
}

/** Whether a layer is on, by the user's settings (or the layer's default). */
export function useLayerVisibility(settings: UiState['layerSettings']) {
  return useCallback((layer: LayerDefinition) => layerSetting(settings, layer).visible, [settings]);
}

/**
 * The source's time: a demo backend's simulated clock (read only against one), else the wall
 * clock; and whether it is known yet (a demo clock not yet read is not).
 */
export function useSourceTime(adapter: DataAdapter) {
  const demo = adapter.capabilities.demoControls;
  const clock = useQuery({ ...clockQuery(adapter), enabled: demo });
  const sourceTime = useSimulatedTime(clock.data);
  return { sourceTime, sourceKnown: !demo || clock.data !== undefined };
}

/**
 * The base map the configuration asks for: a MapLibre style by URL, or the source's embedded
 * base map (fetched only then, and only from a source that has one). The query is returned too,
 * for a screen to say when it failed.
 */
export function useBasemapChoice(adapter: DataAdapter, config: RuntimeConfig) {
  const basemap = useQuery({
    ...basemapQuery(adapter),
    enabled: config.basemap.kind === 'embedded' && adapter.capabilities.basemap,
  });
  const choice: BasemapChoice =
    config.basemap.kind === 'style'
      ? { kind: 'style', url: config.basemap.url }
      : { kind: 'embedded', data: basemap.data?.data ?? null };
  return { basemap, choice };
}
