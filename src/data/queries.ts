/**
 * Query options for every read: keys, fetchers and refresh policy in one place, so the cache is
 * the only home of server data. Live state refetches at its dataset's cadence; after failures it
 * backs off and keeps trying by itself, keeping the last good data meanwhile.
 */
import {
  keepPreviousData,
  queryOptions,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import type { DataAdapter, Fetched, TiledFeatures, Truncation } from './adapter';
import { isAbort, isAdapterError } from './errors';
import { backoffDelayMs } from './freshness';
import type { FeatureTable } from './feature-table';
import type { AlarmList } from './alarm-schemas';
import type { Dataset, LiveReadings } from './schemas';

export interface GeometryData {
  readonly geometry: FeatureTable;
  /** The time the features describe: when they were fetched, or the past time they were read at. */
  readonly observedAt: number;
  /** The source had more features than were loaded. */
  readonly truncated: Truncation | null;
  /** A geometry read tile by tile as the map needs it (`geometry` is then empty). */
  readonly tiles: TiledFeatures | null;
}

/** A fetched geometry, with the past time it was read at (none for a read of now). */
type FetchedGeometry = Fetched<FeatureTable> & { readonly readAt?: number };

/** Module-level so TanStack Query memoises it: one result per fetched response. */
function geometryData(fetched: FetchedGeometry): GeometryData {
  return {
    geometry: fetched.data,
    observedAt: fetched.readAt ?? fetched.fetchedAt,
    truncated: fetched.truncated ?? null,
    tiles: fetched.tiles ?? null,
  };
}

/**
 * A time to read at: null reads now (and keeps reading as time goes on); a past time (ms) reads
 * the source's history, which does not change, so it is fetched once and kept.
 */
export type ReadTime = number | null;

/** Keys of reads at a past time end with the time; live reads have none. */
function atTime<K extends readonly unknown[]>(key: K, at: ReadTime) {
  return at === null ? key : ([...key, { at }] as const);
}

export const queryKeys = {
  all: (adapter: DataAdapter) => [adapter.id] as const,
  catalog: (adapter: DataAdapter) => [adapter.id, 'catalog'] as const,
  geometry: (adapter: DataAdapter, datasetId: string, at: ReadTime = null) =>
    atTime([adapter.id, 'geometry', datasetId] as const, at),
  liveState: (adapter: DataAdapter, datasetId: string, at: ReadTime = null) =>
    atTime([adapter.id, 'state', datasetId] as const, at),
  feature: (adapter: DataAdapter, datasetId: string, featureId: string) =>
    [adapter.id, 'feature', datasetId, featureId] as const,
  areas: (adapter: DataAdapter) => [adapter.id, 'areas'] as const,
  basemap: (adapter: DataAdapter) => [adapter.id, 'basemap'] as const,
  alarms: (adapter: DataAdapter, at: ReadTime = null) =>
    atTime([adapter.id, 'alarms'] as const, at),
};

/** How a read follows time. */
export interface ReadOptions {
  /** How fast the source's clock runs (a demo clock at ×N changes N times as often). */
  readonly clockRate?: number;
  /** A past time to read at (a replay); null or omitted, now. */
  readonly at?: ReadTime;
  /**
   * The cache, to show the nearest time's data while a past read loads. Needed where several
   * reads share one hook (`useQueries` keeps no previous data of its own when a key changes).
   */
  readonly cache?: QueryClient;
}

/**
 * How long a read of the past stays cached once nothing shows it. Trend marks and a playing
 * replay move on through time, so their reads are many and each is soon left behind: kept for
 * long, they would fill the cache of a wall screen that runs for days.
 */
export const PAST_READ_GC_MS = 2 * 60_000;

/** History reads: fetched once per time, and the nearest time's data shown while one loads. */
function pastReadOptions<T>(at: number, liveKey: readonly unknown[], cache?: QueryClient) {
  return {
    staleTime: Infinity,
    gcTime: PAST_READ_GC_MS,
    refetchInterval: false as const,
    placeholderData: cache ? nearestRead<T>(cache, liveKey, at) : keepPreviousData<T>,
    meta: { at },
  };
}

function keyTime(key: readonly unknown[]): ReadTime {
  const last = key[key.length - 1];
  return typeof last === 'object' && last !== null && 'at' in last && typeof last.at === 'number'
    ? last.at
    : null;
}

/**
 * While a read at `at` loads, the data of the same read at the nearest time already in the cache
 * (the live one only when no past one is there): a replay moves the map on, it never blanks it.
 * `liveKey` is the key of the live read, which the keys of past reads extend.
 */
export function nearestRead<T>(client: QueryClient, liveKey: readonly unknown[], at: number) {
  return (): T | undefined => {
    let nearest: T | undefined = undefined;
    let nearestDistance = Infinity;
    for (const query of client.getQueryCache().findAll({ queryKey: liveKey })) {
      if (query.state.data === undefined) continue;
      const queryAt = keyTime(query.queryKey);
      const distance = queryAt === null ? Number.MAX_VALUE : Math.abs(queryAt - at);
      if (distance < nearestDistance) {
        // Every query under the live key is a read of the same resource, so of the same type.
        nearest = query.state.data as T;
        nearestDistance = distance;
      }
    }
    return nearest;
  };
}

function isoTime(at: ReadTime): string | undefined {
  return at === null ? undefined : new Date(at).toISOString();
}

/** Quick retries inside one fetch; longer outages are handled by `pollingInterval`. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  // Nor what the source cannot do at all: asking again changes nothing.
  const unsupported = isAdapterError(error) && error.kind === 'unsupported';
  return !isAbort(error) && !unsupported && failureCount < 2;
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

/**
 * `clockRate`: how fast the source's clock runs (a demo clock at ×N changes N times as often).
 * `at`: read the past; static geometry is the same at every time, so it ignores it.
 */
export function geometryQuery(
  adapter: DataAdapter,
  dataset: Dataset,
  { clockRate = 1, at = null, cache }: ReadOptions = {},
) {
  const readAt = dataset.geometryCadenceS === null ? null : at;
  return queryOptions({
    queryKey: queryKeys.geometry(adapter, dataset.id, readAt),
    queryFn: async ({ signal }): Promise<FetchedGeometry> => {
      const fetched = await adapter.getGeometry(dataset.id, { at: isoTime(readAt) }, { signal });
      return readAt === null ? fetched : { ...fetched, readAt };
    },
    select: geometryData,
    staleTime: dataset.geometryCadenceS === null ? Infinity : 0,
    // Geometry can be large: comparing it deeply on every refetch costs more than it saves.
    structuralSharing: false,
    refetchInterval: pollingInterval(dataset.geometryCadenceS, clockRate),
    ...(readAt === null
      ? {}
      : pastReadOptions<FetchedGeometry>(readAt, queryKeys.geometry(adapter, dataset.id), cache)),
  });
}

export function liveStateQuery(
  adapter: DataAdapter,
  dataset: Dataset,
  { clockRate = 1, at = null, cache }: ReadOptions = {},
) {
  return queryOptions({
    queryKey: queryKeys.liveState(adapter, dataset.id, at),
    queryFn: ({ signal }) => adapter.getLiveState(dataset.id, { at: isoTime(at) }, { signal }),
    structuralSharing: false,
    refetchInterval: pollingInterval(dataset.stateCadenceS, clockRate),
    ...(at === null
      ? {}
      : pastReadOptions<Fetched<LiveReadings>>(
          at,
          queryKeys.liveState(adapter, dataset.id),
          cache,
        )),
  });
}

/** Attributes of a selected feature change rarely: read again when it is selected again after this. */
const FEATURE_STALE_MS = 60_000;

/** One feature fresh from its source (capability `featureById`), for the details panel. */
export function featureQuery(adapter: DataAdapter, datasetId: string, featureId: string) {
  return queryOptions({
    queryKey: queryKeys.feature(adapter, datasetId, featureId),
    queryFn: ({ signal }) => adapter.getFeature(datasetId, featureId, { signal }),
    staleTime: FEATURE_STALE_MS,
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

export function alarmsQuery(
  adapter: DataAdapter,
  { clockRate = 1, at = null, cache }: ReadOptions = {},
) {
  return queryOptions({
    queryKey: queryKeys.alarms(adapter, at),
    queryFn: ({ signal }) => adapter.getAlarms({ at: isoTime(at) }, { signal }),
    refetchInterval: pollingInterval(ALARMS_POLL_S, clockRate),
    ...(at === null
      ? {}
      : pastReadOptions<Fetched<AlarmList>>(at, queryKeys.alarms(adapter), cache)),
  });
}
