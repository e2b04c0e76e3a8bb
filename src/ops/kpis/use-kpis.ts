/**
 * The console's figures and what a click on one does: the KPI figures and the open alarms in the
 * area chosen, at the time shown; a clicked KPI shows its layer with the features it counts
 * standing out and narrows the alarm list to its domain, and a second click undoes both.
 */
import { useCallback, useMemo } from 'react';
import type { DataAdapter } from '../../data/adapter';
import type { ReadTime } from '../../data/queries';
import type { Catalog } from '../../data/schemas';
import type { EmphasisRef } from '../../map/compose-layers';
import type { KpiDefinition } from '../../map/kpi-contract';
import { statusInput, type DomainModule } from '../../map/layer-contract';
import type { LayerSource } from '../../map/layer-sources';
import { useUiStore } from '../../map/store';
import type { InArea } from '../alarms/alarm-list';
import { useAlarmStore } from '../alarms/alarm-store';
import type { ViewedAlarm } from '../alarms/optimistic';
import type { AreaTree } from '../areas/area-tree';
import { featuresInArea } from '../areas/feature-areas';
import type { AlarmFigure } from './kpi-bar';
import { useKpiStore } from './kpi-store';
import { useAlarmFigure } from './use-alarm-figure';
import { useKpiFigures, type KpiFigure } from './use-kpi-figures';
import { useTrendsReady } from './use-trends-ready';

export interface ConsoleKpis {
  readonly figures: readonly KpiFigure[];
  readonly alarms: AlarmFigure | null;
  readonly activeKpiId: string | null;
  /** What the map shows of the clicked KPI. */
  readonly focus: EmphasisRef | null;
  readonly pick: (figure: KpiFigure) => void;
  readonly pickSeverity: (severity: number) => void;
}

const NO_KPIS: readonly KpiDefinition[] = [];

export function useKpis(
  adapter: DataAdapter,
  catalog: Catalog,
  domains: readonly DomainModule[],
  context: {
    readonly sources: readonly LayerSource[];
    readonly alarms: readonly ViewedAlarm[];
    readonly alarmsReady: boolean;
    readonly at: ReadTime;
    readonly now: number;
    readonly clockRate: number;
    readonly tree: AreaTree | null;
    readonly inArea: InArea;
  },
): ConsoleKpis {
  const { sources, alarms, alarmsReady, at, now, clockRate, tree, inArea } = context;
  const kpis = useMemo(() => {
    const all = domains.flatMap((domain) => domain.kpis ?? NO_KPIS);
    return all.length > 0 ? all : NO_KPIS;
  }, [domains]);
  const areaId = useAlarmStore((state) => state.filters.areaId);
  const severityFilter = useAlarmStore((state) => state.filters.severity);
  const domainFilter = useAlarmStore((state) => state.filters.domain);
  const setFilter = useAlarmStore((state) => state.setFilter);
  const activeKpiId = useKpiStore((state) => state.activeKpiId);
  const setActiveKpi = useKpiStore((state) => state.setActiveKpi);
  const setLayersVisible = useUiStore((state) => state.setLayersVisible);

  const scopeOf = useCallback(
    (geometry: Parameters<typeof featuresInArea>[0]) => featuresInArea(geometry, tree, areaId),
    [tree, areaId],
  );
  const trendsReady = useTrendsReady(sources);
  const figures = useKpiFigures(adapter, catalog, kpis, {
    clockRate,
    at,
    now,
    scopeOf,
    trendsReady,
  });
  const alarmFigure = useAlarmFigure(adapter, alarms, {
    at,
    now,
    clockRate,
    areaId,
    inArea,
    severityFilter,
    ready: alarmsReady,
    trendsReady,
  });

  const active = kpis.find((kpi) => kpi.id === activeKpiId) ?? null;
  const activeData = active
    ? (sources.find((source) => source.layer.id === active.layer.id)?.data ?? null)
    : null;
  const focus = useMemo<EmphasisRef | null>(() => {
    if (!active || !activeData) return null;
    const inScope = scopeOf(activeData.geometry);
    const { geometry, state } = activeData;
    const featureIds: string[] = [];
    for (let index = 0; index < geometry.length; index++) {
      if (inScope(index) && active.counts(statusInput(geometry, state, index)))
        featureIds.push(geometry.id(index));
    }
    return { layerId: active.layer.id, featureIds };
  }, [active, activeData, scopeOf]);

  const pick = useCallback(
    (figure: KpiFigure) => {
      const { kpi } = figure;
      if (activeKpiId === kpi.id) {
        setActiveKpi(null);
        if (domainFilter === kpi.domain) setFilter('domain', null);
        return;
      }
      setActiveKpi(kpi.id);
      setLayersVisible([kpi.layer], true);
      setFilter('domain', kpi.domain);
    },
    [activeKpiId, domainFilter, setActiveKpi, setFilter, setLayersVisible],
  );
  const pickSeverity = useCallback(
    (severity: number) => setFilter('severity', severityFilter === severity ? null : severity),
    [severityFilter, setFilter],
  );

  return {
    figures,
    alarms: adapter.capabilities.alarms ? alarmFigure : null,
    activeKpiId,
    focus,
    pick,
    pickSeverity,
  };
}
