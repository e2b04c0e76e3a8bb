/**
 * The data behind each layer definition: its catalog dataset, geometry and live state from the
 * query cache, and a status for the layer panel. Hidden layers do not fetch; their cached data
 * stays, so turning a layer back on is instant.
 */
import { skipToken, useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useRef } from 'react';
import type { DataAdapter, Fetched, TiledFeatures, Truncation } from '../data/adapter';
import { featureTable } from '../data/feature-table';
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
import { tiledGeometryState, useTilesInView, type TiledGeometryState } from './tiles-in-view';
import { useListMemo } from '../ui/kept-values';

const EMPTY_TABLE = featureTable([]);

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
  /** Read as vector tiles: its features and counts are those of the tiles in view. */
  readonly tiled?: boolean;
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

/** What the map has of a tiled geometry: the features of the tiles in view, tiles that failed. */
export type TilesInView = (tiles: TiledFeatures) => TiledGeometryState;

const NO_TILES_IN_VIEW: TilesInView = () => ({ seen: null, problem: null, generation: 0 });

export function describeSource(
  layer: LayerDefinition,
  dataset: Dataset | null,
  geometry: Result<GeometryData>,
  state: Result<Fetched<LiveReadings>> | null,
  inView: TilesInView = NO_TILES_IN_VIEW,
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
  const tiles = geometry.data?.tiles ?? null;
  const tiled = tiles ? inView(tiles) : null;
  // A tiled geometry's features are those of the tiles in view (none until they are in).
  const indexed = tiled ? (tiled.seen?.features ?? EMPTY_TABLE) : (geometry.data?.geometry ?? null);
  const data: LayerData | null = indexed
    ? {
        geometry: indexed,
        state: stateData ? joinLiveStateOnce(indexed, stateData) : null,
        tiled: tiles && tiled ? { tiles, readings: stateData, generation: tiled.generation } : null,
      }
    : null;
  const failing = [geometry, state].find(isFailing) ?? null;
  const error = failing ? errorMessage(failing.error) : (tiled?.problem ?? null);
  const hasState = dataset.stateCadenceS !== null;
  // A tiled layer is loading until the tiles of its first view are in.
  const ready =
    data !== null && (!hasState || data.state !== null) && (tiled === null || tiled.seen !== null);
  return {
    layer,
    dataset,
    data,
    status: {
      phase: error !== null ? 'error' : ready ? 'live' : 'loading',
      // The age of what is on screen: nothing is without features (a live state alone draws nothing).
      observedAt:
        data === null
          ? null
          : stateData
            ? Date.parse(stateData.observedAt)
            : (geometry.data?.observedAt ?? null),
      cadenceS: hasState ? dataset.stateCadenceS : dataset.geometryCadenceS,
      error,
      // A state covers the whole dataset and the tiles in view only part of it: not a mismatch.
      unknownIds: tiles ? 0 : (data?.state?.unknownIds ?? 0),
      truncated: geometry.data?.truncated ?? null,
      liveFeedProblem: state?.data?.liveFeedProblem ?? null,
      tiled: tiles !== null,
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
): readonly LayerSource[] {
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
  const tilesInView = useTilesInView((store) => store.byGeometry);
  const inView: TilesInView = (tiles) => tiledGeometryState(tilesInView, tiles);
  const failures = useRef(new Map<string, Error>());
  /* eslint-disable react-hooks/refs -- a failure seen is a failure the cache had: a render that
     is thrown away leaves nothing in the map that a later one could not have put there */
  const shownGeometries = geometries.map((result, i) =>
    failureKept(failures.current, `${layers[i]!.id} geometry`, result),
  );
  const shownStates = states.map((result, i) =>
    failureKept(failures.current, `${layers[i]!.id} state`, result),
  );
  /* eslint-enable react-hooks/refs */
  const inputs = layers.map((layer, i) => {
    const dataset = datasets[i] ?? null;
    const geometry = shownGeometries[i] as Result<GeometryData>;
    const state = dataset?.stateCadenceS != null ? (shownStates[i] ?? null) : null;
    const tiles = geometry.data?.tiles;
    return [
      layer,
      dataset,
      ...resultInputs(geometry),
      ...(state ? resultInputs(state) : []),
      tiles ? inView(tiles) : null,
    ];
  });
  // A layer whose data did not change keeps its source object, and the list its identity when
  // none did: a layer panel row, the KPI figures and the map's layers then skip the renders that
  // clocks or another layer's poll cause.
  return useListMemo(inputs, (i) => {
    const dataset = datasets[i] ?? null;
    const state = dataset?.stateCadenceS != null ? (shownStates[i] ?? null) : null;
    return describeSource(
      layers[i]!,
      dataset,
      shownGeometries[i] as Result<GeometryData>,
      state as Result<Fetched<LiveReadings>> | null,
      inView,
    );
  });
}

/**
 * The result as the layer shows it. The query cache clears the error of a query that never had
 * data when it reads again, so a failing layer would say "loading" during each retry and lose its
 * message until the retry failed too: the last failure is shown meanwhile, until the query has data
 * (or is another query, one that never failed).
 */
function failureKept<T>(
  failures: Map<string, Error>,
  key: string,
  result: UseQueryResult<T>,
): Result<T> {
  if (result.error !== null) {
    failures.set(key, result.error);
    return result;
  }
  if (result.data !== undefined || result.errorUpdateCount === 0) {
    failures.delete(key);
    return result;
  }
  const kept = failures.get(key);
  return kept === undefined ? result : { ...result, error: kept, failureCount: 1 };
}

/** What of a query's result a layer's source is made from. */
function resultInputs(result: Result<unknown>): unknown[] {
  return [result.data, result.error, result.isError, result.failureCount > 0];
}
