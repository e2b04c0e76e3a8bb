/**
 * Every domain's key figures at the time shown, each with its trend over the last hours. The
 * figures read the same cache entries as the map (the same dataset at the same time is one
 * request), but they do not depend on a layer being shown: a hidden layer's figure still counts.
 * Trend marks are read only once the figures themselves are in, so they never delay the page.
 */
import { useQueries, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { DataAdapter, Fetched } from '../../data/adapter';
import { joinLiveStateOnce } from '../../data/live-state';
import {
  geometryQuery,
  liveStateQuery,
  type GeometryData,
  type ReadTime,
} from '../../data/queries';
import type { Catalog, Dataset, LiveReadings } from '../../data/schemas';
import type { KpiDefinition } from '../../map/kpi-contract';
import type { LayerData } from '../../map/layer-contract';
import { errorMessage } from '../../map/layer-sources';
import type { StatusLevel } from '../../ui/theme';
import { kpiValueOnce, type ScopeOf } from './kpi-values';
import { trendMarks } from './trend-times';
import { useStructuralSharing } from '../../ui/kept-values';

export interface KpiFigure {
  readonly kpi: KpiDefinition;
  /** Null: nothing to measure, or not loaded yet. */
  readonly value: number | null;
  readonly level: StatusLevel;
  readonly trend: {
    readonly times: readonly number[];
    readonly values: readonly (number | null)[];
  };
  readonly loading: boolean;
  readonly error: string | null;
  /** The layer data the figure was computed from (to compute it for other areas). */
  readonly data: LayerData | null;
}

export type { ScopeOf };

interface Read {
  readonly geometry: UseQueryResult<GeometryData>;
  readonly state: UseQueryResult<Fetched<LiveReadings>> | null;
}

function layerData(read: Read | undefined): LayerData | null {
  const geometry = read?.geometry.data?.geometry;
  if (!geometry) return null;
  const state = read.state?.data?.data;
  if (read.state && !state) return null;
  return { geometry, state: state ? joinLiveStateOnce(geometry, state) : null };
}

export function useKpiFigures(
  adapter: DataAdapter,
  catalog: Catalog,
  kpis: readonly KpiDefinition[],
  options: {
    readonly clockRate: number;
    /** The time shown: null, live. */
    readonly at: ReadTime;
    /** The source's time now (where a live trend ends). */
    readonly now: number;
    readonly scopeOf: ScopeOf;
    /** Whether the trends may be read yet (`useTrendsReady`). */
    readonly trendsReady: boolean;
  },
): KpiFigure[] {
  const cache = useQueryClient();
  const { clockRate, at, now, scopeOf, trendsReady } = options;
  const datasets = [...new Set(kpis.map((kpi) => kpi.layer.dataset))]
    .map((id) => catalog.datasets.find((dataset) => dataset.id === id))
    .filter((dataset): dataset is Dataset => dataset !== undefined);

  const withState = datasets.filter((dataset) => dataset.stateCadenceS !== null);
  // The figure shows the nearest time's data while its own loads; a trend mark waits for its own.
  const geometryReads = (times: readonly ReadTime[], enabled: boolean, nearest: boolean) =>
    times.flatMap((time) =>
      datasets.map((dataset) => ({
        ...geometryQuery(adapter, dataset, {
          clockRate,
          at: time,
          cache: nearest ? cache : undefined,
        }),
        enabled,
      })),
    );
  const stateReads = (times: readonly ReadTime[], enabled: boolean, nearest: boolean) =>
    times.flatMap((time) =>
      withState.map((dataset) => ({
        ...liveStateQuery(adapter, dataset, {
          clockRate,
          at: time,
          cache: nearest ? cache : undefined,
        }),
        enabled,
      })),
    );
  /** The reads of the `t`-th time, by dataset. */
  const readsAt = (
    geometries: readonly UseQueryResult<GeometryData>[],
    states: readonly UseQueryResult<Fetched<LiveReadings>>[],
    t: number,
  ) =>
    new Map<string, Read>(
      datasets.map((dataset, i) => {
        const s = withState.indexOf(dataset);
        return [
          dataset.id,
          {
            geometry: geometries[t * datasets.length + i]!,
            state: s < 0 ? null : states[t * withState.length + s]!,
          },
        ];
      }),
    );

  const currentGeometries = useQueries({ queries: geometryReads([at], true, true) });
  const currentStates = useQueries({ queries: stateReads([at], true, true) });
  const currentReads = readsAt(currentGeometries, currentStates, 0);
  const ready = [...currentGeometries, ...currentStates].every(
    (result) => result.data !== undefined || result.isError,
  );
  const end = at ?? now;
  const marks = trendMarks(at, now, clockRate);
  const readTrends = ready && trendsReady;
  const pastGeometries = useQueries({ queries: geometryReads(marks, readTrends, false) });
  const pastStates = useQueries({ queries: stateReads(marks, readTrends, false) });
  const pastReads = marks.map((_, t) => readsAt(pastGeometries, pastStates, t));

  return useStructuralSharing(
    kpis.map((kpi) => {
      const figureOf = (read: Read | undefined) => {
        const data = layerData(read);
        return data ? kpiValueOnce(kpi, data, scopeOf) : null;
      };
      const read = currentReads.get(kpi.layer.dataset);
      const data = layerData(read);
      const value = figureOf(read);
      const failing = [read?.geometry, read?.state].find((result) => result?.isError);
      return {
        kpi,
        value,
        level: kpi.level(value),
        trend: {
          times: [...marks, end],
          values: [...pastReads.map((reads) => figureOf(reads.get(kpi.layer.dataset))), value],
        },
        loading: data === null && !failing,
        error: failing ? errorMessage(failing.error) : null,
        data,
      };
    }),
  );
}
