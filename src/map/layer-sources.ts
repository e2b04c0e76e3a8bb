/**
 * The data behind each layer definition: its catalog dataset, geometry and live state from the
 * query cache, and a status for the layer panel. Hidden layers do not fetch; their cached data
 * stays, so turning a layer back on is instant.
 */
import { skipToken, useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { DataAdapter, Fetched, Truncation } from '../data/adapter';
import { isAdapterError } from '../data/errors';
import { freshness } from '../data/freshness';
import { joinLiveStateOnce } from '../data/live-state';
import {
  geometryQuery,
  liveStateQuery,
  queryKeys,
  type GeometryData,
  type ReadTime,
} from '../data/queries';
import type { Catalog, Dataset, LiveReadings } from '../data/schemas';
import type { LayerData, LayerDefinition } from './layer-contract';

export type LayerPhase = 'unavailable' | 'loading' | 'live' | 'error';

export interface LayerStatus {
  readonly phase: LayerPhase;
  /** When the data on screen was observed (live state) or fetched (geometry only). */
  readonly observedAt: number | null;
  readonly cadenceS: number | null;
  /** Message of the latest failure, while the layer is failing. */
  readonly error: string | null;
  /** Readings of the latest live state for ids the geometry does not have (ignored). */
  readonly unknownIds?: number;
  /** The source had more features than the layer loaded. */
  readonly truncated?: Truncation | null;
  /** The live state's push feed is down (why): it is read by polling meanwhile. */
  readonly liveFeedProblem?: string | null;
}

export interface LayerSource {
  readonly layer: LayerDefinition;
  readonly dataset: Dataset | null;
  /** Last good data, kept while a refetch fails. */
  readonly data: LayerData | null;
  readonly status: LayerStatus;
}

export function errorMessage(error: unknown): string {
  if (isAdapterError(error)) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Stale: failing, or overdue for its cadence. `rate` is how fast the page's clock runs (a demo
 * clock at ×60 ages data 60 times faster than the polling can follow; overdue is about the
 * source not answering, so it is judged in wall time). In a replay the data is history, which is
 * never overdue: it is stale only while it fails.
 */
export function isStale(status: LayerStatus, now: number, rate = 1, replay = false): boolean {
  if (status.phase === 'error') return true;
  if (replay) return false;
  if (status.observedAt === null || status.cadenceS === null) return false;
  return freshness(status.observedAt, status.cadenceS * Math.max(1, rate), now).stale;
}

type Result<T> = Pick<UseQueryResult<T>, 'data' | 'error' | 'isError' | 'failureCount'>;

function isFailing(query: Result<unknown> | null): boolean {
  return query !== null && query.error !== null && (query.isError || query.failureCount > 0);
}

export function describeSource(
  layer: LayerDefinition,
  dataset: Dataset | null,
  geometry: Result<GeometryData>,
  state: Result<Fetched<LiveReadings>> | null,
): LayerSource {
  if (!dataset) {
    return {
      layer,
      dataset,
      data: null,
      status: { phase: 'unavailable', observedAt: null, cadenceS: null, error: null },
    };
  }
  const stateData = state?.data?.data ?? null;
  const indexed = geometry.data?.geometry ?? null;
  const data: LayerData | null = indexed
    ? { geometry: indexed, state: stateData ? joinLiveStateOnce(indexed, stateData) : null }
    : null;
  const failing = [geometry, state].find(isFailing) ?? null;
  const hasState = dataset.stateCadenceS !== null;
  const ready = data !== null && (!hasState || data.state !== null);
  return {
    layer,
    dataset,
    data,
    status: {
      phase: failing ? 'error' : ready ? 'live' : 'loading',
      // The age of what is on screen: nothing is without features (a live state alone draws nothing).
      observedAt:
        data === null
          ? null
          : stateData
            ? Date.parse(stateData.observedAt)
            : (geometry.data?.observedAt ?? null),
      cadenceS: hasState ? dataset.stateCadenceS : dataset.geometryCadenceS,
      error: failing ? errorMessage(failing.error) : null,
      unknownIds: data?.state?.unknownIds ?? 0,
      truncated: geometry.data?.truncated ?? null,
      liveFeedProblem: state?.data?.liveFeedProblem ?? null,
    },
  };
}

export function useLayerSources(
  adapter: DataAdapter,
  catalog: Catalog,
  layers: readonly LayerDefinition[],
  isVisible: (layer: LayerDefinition) => boolean,
  /** How fast the source's clock runs: data is polled that much more often (within limits). */
  clockRate = 1,
  /** A past time to show every layer at (a replay); null, live. */
  at: ReadTime = null,
): LayerSource[] {
  const cache = useQueryClient();
  const reading = { clockRate, at, cache };
  const datasets = layers.map(
    (layer) => catalog.datasets.find((dataset) => dataset.id === layer.dataset) ?? null,
  );
  const geometries = useQueries({
    queries: layers.map((layer, i) => {
      const dataset = datasets[i];
      return dataset
        ? { ...geometryQuery(adapter, dataset, reading), enabled: isVisible(layer) }
        : { queryKey: queryKeys.geometry(adapter, layer.dataset), queryFn: skipToken };
    }),
  });
  const states = useQueries({
    queries: layers.map((layer, i) => {
      const dataset = datasets[i];
      return dataset && dataset.stateCadenceS !== null
        ? { ...liveStateQuery(adapter, dataset, reading), enabled: isVisible(layer) }
        : { queryKey: queryKeys.liveState(adapter, layer.dataset), queryFn: skipToken };
    }),
  });
  return layers.map((layer, i) => {
    const dataset = datasets[i] ?? null;
    const state = dataset?.stateCadenceS != null ? (states[i] ?? null) : null;
    return describeSource(
      layer,
      dataset,
      geometries[i] as Result<GeometryData>,
      state as Result<Fetched<LiveReadings>> | null,
    );
  });
}
