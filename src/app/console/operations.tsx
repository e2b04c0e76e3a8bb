/**
 * The console's operator work around the map: the alarm centre, the alarms in the details
 * panel, and what they ask of the map (fly to an alarm, highlight its features, pulse where a
 * new severe alarm stands). Opening an alarm selects its first feature (showing its layer if it
 * was hidden); clicking an alarmed feature on the map puts its alarm in focus.
 */
import type { Layer } from '@deck.gl/core';
import { AreaBar } from '../../ops/areas/area-bar';
import type { AreaNode } from '../../ops/areas/area-tree';
import { useAreas } from '../../ops/areas/use-areas';
import { useAreaShading } from '../../ops/areas/use-area-shading';
import { KpiBar } from '../../ops/kpis/kpi-bar';
import { useKpis } from '../../ops/kpis/use-kpis';
import type { ReadTime } from '../../data/queries';
import { READ_STEP_MS } from '../../ops/time/replay-time';
import { useSteppedNow, type DisplayTime } from '../../ui/display-time';
import { createPortal } from 'react-dom';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { DataAdapter } from '../../data/adapter';
import { DEPARTMENTS } from '../../data/alarm-schemas';
import type { BBox, Catalog, Position } from '../../data/schemas';
import { useTranslation } from 'react-i18next';
import { SearchDialog, useSearchShortcut } from '../../ops/search/search-dialog';
import {
  alarmEntries,
  areaEntries,
  featureEntries,
  layerEntries,
  type SearchEntry,
  type SearchTarget,
} from '../../ops/search/search-entries';
import type { EmphasisRef } from '../../map/compose-layers';
import type { DomainModule, Language } from '../../map/layer-contract';
import type { LayerSource } from '../../map/layer-sources';
import type { CameraRequest } from '../../map/map-view';
import { layerSetting, useUiStore, type FeatureRef } from '../../map/store';
import { alarmSourceStatus } from '../../ops/alarms/alarm-source-status';
import { useMapPicture } from '../../ops/export/use-map-picture';
import { SaveError } from '../../ops/export/use-saving';
import { DataHealth, type HealthEntry } from '../../ops/health/data-health';
import { AlarmCentre, type NamedOption } from '../../ops/alarms/alarm-centre';
import { alarmsOnFeature, useAlarmDesk } from '../../ops/alarms/alarm-desk';
import { AlarmDetails, useAlarmsInFocus } from '../../ops/alarms/alarm-details';
import { useAlarmStore } from '../../ops/alarms/alarm-store';
import { localizedName } from '../../ops/alarms/labels';
import type { ViewedAlarm } from '../../ops/alarms/optimistic';
import type { RuntimeConfig } from '../config/runtime-config';
import { useDomainTranslators } from '../translators';

export interface OperationsView {
  readonly onSelect: (feature: FeatureRef | null) => void;
  readonly onPickOverlay: (layerId: string, object: unknown) => void;
  readonly focus: EmphasisRef | null;
  readonly overlays: readonly Layer[];
  readonly emphasis: EmphasisRef | null;
  readonly attention: readonly Position[];
  readonly cameraRequest: CameraRequest | null;
}

export interface OperationsProps {
  readonly adapter: DataAdapter;
  readonly config: RuntimeConfig;
  readonly catalog: Catalog;
  readonly domains: readonly DomainModule[];
  readonly sources: readonly LayerSource[];
  readonly language: Language;
  /** The map's canvas, for saving a picture of the view. */
  readonly mapCanvas: HTMLCanvasElement | null;
  readonly renderMap: (view: OperationsView) => ReactNode;
  readonly renderDetails: (alarms: ReactNode, onClose: () => void) => ReactNode;
  /** The time every read is made at (null: live), and the source's own time. */
  readonly readAt: ReadTime;
  readonly sourceTime: DisplayTime;
  /** Where the KPI bar goes (a row above the map). */
  readonly kpiSlot: HTMLElement | null;
}

/** An alarm on one street or one building: close enough to see it among its neighbours. */
const ALARM_MAX_ZOOM = 16;
const FEATURE_MAX_ZOOM = 17;
const AREA_MAX_ZOOM = 15;

export function Operations({
  adapter,
  config,
  catalog,
  domains,
  sources,
  language,
  mapCanvas,
  renderMap,
  renderDetails,
  readAt,
  sourceTime,
  kpiSlot,
}: OperationsProps) {
  const desk = useAlarmDesk();
  const { translatorFor } = useDomainTranslators();
  const { t } = useTranslation();
  const select = useUiStore((state) => state.select);
  const selection = useUiStore((state) => state.selection);
  const setLayersVisible = useUiStore((state) => state.setLayersVisible);
  const settings = useUiStore((state) => state.layerSettings);
  const focusedAlarmId = useAlarmStore((state) => state.focusedAlarmId);
  const focusAlarm = useAlarmStore((state) => state.focusAlarm);
  const seen = useAlarmStore((state) => state.seen);
  const [cameraRequest, setCameraRequest] = useState<CameraRequest | null>(null);

  const layers = useMemo(() => domains.flatMap((domain) => domain.layers), [domains]);
  const layerOfDataset = useCallback(
    (datasetId: string) => layers.find((layer) => layer.dataset === datasetId) ?? null,
    [layers],
  );
  const datasetOfLayer = (layerId: string) =>
    layers.find((layer) => layer.id === layerId)?.dataset ?? null;

  const { tree: areaTree, districts, names: areaNames, inArea } = useAreas(adapter, language);
  const selectedAreaId = useAlarmStore((state) => state.filters.areaId);
  const setFilter = useAlarmStore((state) => state.setFilter);
  // The figures' trends end at the current minute: the console need not re-render every second.
  const sourceNow = useSteppedNow(sourceTime, READ_STEP_MS);
  const kpis = useKpis(adapter, catalog, domains, {
    sources,
    alarms: desk.alarms,
    alarmsReady: desk.query.data !== undefined,
    at: readAt,
    now: sourceNow,
    clockRate: sourceTime.rate,
    tree: areaTree,
    inArea,
  });
  const chooseArea = useCallback(
    (area: AreaNode | null) => {
      setFilter('areaId', area?.id ?? null);
      setCameraRequest((previous) => ({
        key: (previous?.key ?? 0) + 1,
        bbox: area?.bbox ?? catalog.city.bbox,
        maxZoom: AREA_MAX_ZOOM,
      }));
    },
    [setFilter, catalog.city.bbox],
  );
  const shading = useAreaShading({
    tree: areaTree,
    selectedAreaId,
    alarms: desk.alarms,
    inArea,
    figures: kpis.figures,
    translatorFor,
    onChoose: chooseArea,
  });
  const domainOptions: NamedOption[] = domains.map((domain) => ({
    id: domain.id,
    name: translatorFor(domain.id)(domain.titleKey),
  }));
  const departments = useMemo(
    () => [...new Set<string>([...DEPARTMENTS, ...desk.alarms.map((alarm) => alarm.department)])],
    [desk.alarms],
  );

  const open = useCallback(
    (alarm: ViewedAlarm) => {
      focusAlarm(alarm.id);
      const layer = layerOfDataset(alarm.datasetId);
      const first = alarm.featureIds[0];
      if (layer && first) {
        setLayersVisible([layer], true);
        select({ layerId: layer.id, featureId: first });
      } else {
        select(null);
      }
      setCameraRequest((previous) => ({
        key: (previous?.key ?? 0) + 1,
        bbox: alarm.bbox,
        maxZoom: ALARM_MAX_ZOOM,
      }));
    },
    [focusAlarm, layerOfDataset, select, setLayersVisible],
  );

  const onSelect = useCallback(
    (feature: FeatureRef | null) => {
      select(feature);
      const datasetId = feature
        ? layers.find((layer) => layer.id === feature.layerId)?.dataset
        : undefined;
      const onIt =
        feature && datasetId ? alarmsOnFeature(desk.alarms, datasetId, feature.featureId) : [];
      const mostSevere = [...onIt].sort((a, b) => b.severity - a.severity)[0];
      focusAlarm(mostSevere?.id ?? null);
    },
    [desk.alarms, focusAlarm, layers, select],
  );

  const focused = focusedAlarmId ? desk.byId.get(focusedAlarmId) : undefined;
  const focusedLayer = focused ? layerOfDataset(focused.datasetId) : null;
  const emphasis = useMemo<EmphasisRef | null>(
    () =>
      focused && focusedLayer ? { layerId: focusedLayer.id, featureIds: focused.featureIds } : null,
    [focused, focusedLayer],
  );
  // A new severe alarm pulses where it stands, on the layers the operator has chosen to see.
  const attention = useMemo(() => {
    const seenIds = new Set(seen);
    return desk.alarms
      .filter((alarm) => {
        const layer = layerOfDataset(alarm.datasetId);
        return (
          alarm.severity === 3 &&
          alarm.status === 'open' &&
          !seenIds.has(alarm.id) &&
          layer !== null &&
          layerSetting(settings, layer).visible
        );
      })
      .map((alarm) => alarm.position);
  }, [desk.alarms, seen, layerOfDataset, settings]);

  const selectedDataset = selection ? datasetOfLayer(selection.layerId) : null;
  const inFocus = useAlarmsInFocus(
    focusedAlarmId,
    selection && selectedDataset
      ? { datasetId: selectedDataset, featureId: selection.featureId }
      : null,
  );
  const sla = config.alarmSlaMinutes;

  const [searching, setSearching] = useState(false);
  const openSearch = useCallback(() => setSearching(true), []);
  useSearchShortcut(openSearch);
  const layerTitle = useCallback(
    (layerId: string) => {
      const layer = layers.find((candidate) => candidate.id === layerId);
      return layer ? translatorFor(layer.domain)(layer.titleKey) : layerId;
    },
    [layers, translatorFor],
  );
  const searchEntries = (): SearchEntry[] => [
    ...layerEntries(layers, layerTitle, t),
    ...areaEntries(areaTree?.byId.values() ?? [], language, t),
    ...alarmEntries(desk.alarms, areaNames, language, t),
    ...sources.flatMap((source) =>
      source.data
        ? featureEntries(
            source.layer.id,
            layerTitle(source.layer.id),
            source.data.geometry,
            language,
          )
        : [],
    ),
  ];
  const picture = useMapPicture({
    canvas: mapCanvas,
    layers,
    title: localizedName(catalog.city.name, language),
    timeZone: catalog.city.timezone,
    language,
    translatorFor,
  });
  const healthEntries: HealthEntry[] = [
    ...sources.map((source) => ({
      id: source.layer.id,
      title: layerTitle(source.layer.id),
      status: source.status,
    })),
    { id: 'alarms', title: t('health.alarms'), status: alarmSourceStatus(desk.query) },
  ];
  const flyTo = (bbox: BBox, maxZoom: number) =>
    setCameraRequest((previous) => ({ key: (previous?.key ?? 0) + 1, bbox, maxZoom }));
  const pick = (target: SearchTarget) => {
    const layer =
      'layerId' in target ? layers.find((candidate) => candidate.id === target.layerId) : undefined;
    switch (target.kind) {
      case 'layer':
        if (layer) setLayersVisible([layer], true);
        break;
      case 'area':
        flyTo(target.bbox, AREA_MAX_ZOOM);
        break;
      case 'alarm': {
        const alarm = desk.byId.get(target.alarmId);
        if (alarm) open(alarm);
        break;
      }
      case 'feature':
        if (layer) setLayersVisible([layer], true);
        onSelect({ layerId: target.layerId, featureId: target.featureId });
        flyTo(target.bbox, FEATURE_MAX_ZOOM);
        break;
    }
  };

  return (
    <>
      {renderMap({
        onSelect,
        onPickOverlay: shading.onPickOverlay,
        focus: kpis.focus,
        emphasis,
        attention,
        cameraRequest,
        overlays: shading.overlays,
      })}
      {kpiSlot
        ? createPortal(
            <KpiBar
              figures={kpis.figures}
              alarms={kpis.alarms}
              activeKpiId={kpis.activeKpiId}
              language={language}
              translatorFor={translatorFor}
              onPick={kpis.pick}
              onSeverity={kpis.pickSeverity}
            />,
            kpiSlot,
          )
        : null}
      {areaTree ? (
        <AreaBar
          tree={areaTree}
          cityName={localizedName(catalog.city.name, language)}
          selectedId={selectedAreaId}
          language={language}
          onChoose={chooseArea}
          shading={shading.shading}
          shadingOptions={shading.options}
          onShading={shading.setShading}
        />
      ) : null}
      <div className="map-toolbar">
        <button type="button" className="button" onClick={openSearch} data-testid="search-open">
          {t('search.open')}
        </button>
        <button
          type="button"
          className="button"
          onClick={picture.save ?? undefined}
          disabled={!picture.save || picture.saving.busy}
          aria-busy={picture.saving.busy}
          data-testid="export-png"
        >
          {t('export.png')}
        </button>
        <SaveError saving={picture.saving} />
        <DataHealth entries={healthEntries} />
      </div>
      {searching ? (
        <SearchDialog entries={searchEntries} onPick={pick} onClose={() => setSearching(false)} />
      ) : null}
      <AlarmCentre
        domains={domainOptions}
        areas={districts}
        departments={departments}
        inArea={inArea}
        language={language}
        sla={sla}
        onOpen={open}
      />
      {renderDetails(
        inFocus.length > 0 ? (
          <AlarmDetails
            alarms={inFocus}
            departments={departments}
            areaNames={areaNames}
            language={language}
            timeZone={catalog.city.timezone}
            sla={sla}
            onShowOnMap={open}
          />
        ) : null,
        () => {
          select(null);
          focusAlarm(null);
        },
      )}
    </>
  );
}
