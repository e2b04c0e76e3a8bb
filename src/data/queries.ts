/**
 * Query options for every read: keys, fetchers and refresh policy in one place, so the cache is
 * the only home of server data. Live state refetches at its dataset's cadence; after failures it
 * backs off and keeps trying by itself, keeping the last good data meanwhile.
 */
import { queryOptions, type Query } from '@tanstack/react-query';
import type { DataAdapter, Fetched } from './adapter';
import { isAbort } from './errors';
import { backoffDelayMs } from './freshness';
import { indexFeatures, type IndexedFeatures } from './live-state';
import type { Dataset, FeatureCollection } from './schemas';

export interface GeometryData {
  readonly geometry: IndexedFeatures;
  readonly fetchedAt: number;
}

/** Module-level so TanStack Query memoises it: one index per fetched response. */
function indexGeometry(fetched: Fetched<FeatureCollection>): GeometryData {
  return { geometry: indexFeatures(fetched.data), fetchedAt: fetched.fetchedAt };
}

export const queryKeys = {
  all: (adapter: DataAdapter) => [adapter.id] as const,
  catalog: (adapter: DataAdapter) => [adapter.id, 'catalog'] as const,
  geometry: (adapter: DataAdapter, datasetId: string) =>
    [adapter.id, 'geometry', datasetId] as const,
  liveState: (adapter: DataAdapter, datasetId: string) => [adapter.id, 'state', datasetId] as const,
  areas: (adapter: DataAdapter) => [adapter.id, 'areas'] as const,
  basemap: (adapter: DataAdapter) => [adapter.id, 'basemap'] as const,
  alarms: (adapter: DataAdapter) => [adapter.id, 'alarms'] as const,
};

/** Quick retries inside one fetch; longer outages are handled by `pollingInterval`. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return !isAbort(error) && failureCount < 2;
}

export function retryDelay(attempt: number): number {
  return Math.min(4_000, 500 * 2 ** attempt);
}

/**
 * Polls at the cadence while healthy; after failures, backs off (but never waits longer than it
 * would have at the cadence once it has been failing for a while).
 */
export function pollingInterval(cadenceS: number | null, clockRate = 1) {
  return (query: Pick<Query, 'state'>): number | false => {
    const failing = query.state.status === 'error' || query.state.fetchFailureCount > 0;
    if (failing) return backoffDelayMs(query.state.fetchFailureCount);
    if (cadenceS === null) return false;
    return Math.max(MIN_POLL_MS, (cadenceS * 1_000) / Math.max(1, clockRate));
  };
}

/** The fastest any dataset is polled, even while a demo clock runs ×600. */
export const MIN_POLL_MS = 2_000;

export function catalogQuery(adapter: DataAdapter) {
  return queryOptions({
    queryKey: queryKeys.catalog(adapter),
    queryFn: ({ signal }) => adapter.getCatalog({ signal }),
    staleTime: Infinity,
    refetchInterval: pollingInterval(null),
  });
}

/** `clockRate`: how fast the source's clock runs (a demo clock at ×N changes N times as often). */
export function geometryQuery(adapter: DataAdapter, dataset: Dataset, clockRate = 1) {
  return queryOptions({
    queryKey: queryKeys.geometry(adapter, dataset.id),
    queryFn: ({ signal }) => adapter.getGeometry(dataset.id, {}, { signal }),
    select: indexGeometry,
    staleTime: dataset.geometryCadenceS === null ? Infinity : 0,
    // Geometry can be large: comparing it deeply on every refetch costs more than it saves.
    structuralSharing: false,
    refetchInterval: pollingInterval(dataset.geometryCadenceS, clockRate),
  });
}

export function liveStateQuery(adapter: DataAdapter, dataset: Dataset, clockRate = 1) {
  return queryOptions({
    queryKey: queryKeys.liveState(adapter, dataset.id),
    queryFn: ({ signal }) => adapter.getLiveState(dataset.id, { signal }),
    structuralSharing: false,
    refetchInterval: pollingInterval(dataset.stateCadenceS, clockRate),
  });
}

export function areasQuery(adapter: DataAdapter) {
  return queryOptions({
    queryKey: queryKeys.areas(adapter),
    queryFn: ({ signal }) => adapter.getAreas({ signal }),
    staleTime: Infinity,
    refetchInterval: pollingInterval(null),
  });
}

export function basemapQuery(adapter: DataAdapter) {
  return queryOptions({
    queryKey: queryKeys.basemap(adapter),
    queryFn: ({ signal }) => adapter.getBasemap({ signal }),
    staleTime: Infinity,
    structuralSharing: false,
    refetchInterval: pollingInterval(null),
  });
}

/** The demo clock is read often: it is what "now" means for freshness while time runs ×N. */
const CLOCK_POLL_MS = 2_000;
const SCENARIOS_POLL_MS = 5_000;

export function clockQuery(adapter: DataAdapter) {
  return queryOptions({
    queryKey: [...queryKeys.all(adapter), 'clock'] as const,
    queryFn: ({ signal }) => adapter.getClock({ signal }),
    refetchInterval: (query) =>
      query.state.fetchFailureCount > 0
        ? backoffDelayMs(query.state.fetchFailureCount)
        : CLOCK_POLL_MS,
  });
}

export function scenariosQuery(adapter: DataAdapter) {
  return queryOptions({
    queryKey: [...queryKeys.all(adapter), 'scenarios'] as const,
    queryFn: ({ signal }) => adapter.getScenarios({ signal }),
    refetchInterval: (query) =>
      query.state.fetchFailureCount > 0
        ? backoffDelayMs(query.state.fetchFailureCount)
        : SCENARIOS_POLL_MS,
  });
}

/**
 * The alarm list. Its rules step once a simulated minute, but operators act on alarms in
 * between (another screen's action should show within seconds), so it is read more often.
 */
const ALARMS_POLL_S = 10;

export function alarmsQuery(adapter: DataAdapter, clockRate = 1) {
  return queryOptions({
    queryKey: queryKeys.alarms(adapter),
    queryFn: ({ signal }) => adapter.getAlarms({}, { signal }),
    refetchInterval: pollingInterval(ALARMS_POLL_S, clockRate),
  });
}
