/**
 * The wall screen (大屏): the map full screen with the city's name, the clock, the data-health
 * strip, the KPI ribbon and the alarm ticker; a tour of the city that a new severe alarm
 * pre-empts; a watchdog that reloads a stalled page. It starts and plays with no gesture at all.
 * Everything is sized for 1920×1080 in `rem` (1rem = 1/96 of the width), so a 3840×2160 wall
 * shows the same screen at twice the size.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataAdapter } from '../../data/adapter';
import { basemapQuery, catalogQuery, clockQuery } from '../../data/queries';
import type { Catalog } from '../../data/schemas';
import type { DomainModule, Language, LayerDefinition } from '../../map/layer-contract';
import { errorMessage, useLayerSources } from '../../map/layer-sources';
import { MapView, type BasemapChoice, type CameraRequest } from '../../map/map-view';
import { layerSetting, useUiStore } from '../../map/store';
import { AlarmDeskProvider, useAlarmDesk } from '../../ops/alarms/alarm-desk';
import { alarmSourceStatus } from '../../ops/alarms/alarm-source-status';
import { localizedName } from '../../ops/alarms/labels';
import { useAreas } from '../../ops/areas/use-areas';
import type { HealthEntry } from '../../ops/health/data-health';
import { KpiBar } from '../../ops/kpis/kpi-bar';
import { useKpis } from '../../ops/kpis/use-kpis';
import { AlarmTicker, newestAlarms } from '../../ops/wall/alarm-ticker';
import { HealthStrip } from '../../ops/wall/health-strip';
import { useTour } from '../../ops/wall/use-tour';
import { reloadPage, useWatchdog } from '../../ops/wall/use-watchdog';
import { DisplayTimeProvider, useDisplayNow, useDisplayTime } from '../../ui/display-time';
import { ErrorNotice } from '../../ui/error-notice';
import { formatClock } from '../../ui/format-number';
import { useNow } from '../../ui/use-now';
import type { RuntimeConfig } from '../config/runtime-config';
import { useSimulatedTime } from '../demo/simulated-time';
import { useLiveFeed } from '../live/live-feed';
import { useViewLink } from '../share/use-view-link';
import { useDomainTranslators } from '../translators';
import { WallCallout, type CalloutSubject } from './wall-callout';
import { readTourIndex, writeTourIndex } from './tour-link';
import { tourViews } from './wall-views';
import { WallWaiting } from './wall-waiting';

/** Close enough to see a district whole, or an alarm among its streets. */
const AREA_MAX_ZOOM = 15;
const ALARM_MAX_ZOOM = 16;
/** Ticker: alarms at or above this severity, this many. */
const TICKER_SEVERITY = 2;
const TICKER_LENGTH = 6;
/** The ribbon's trend lines, in rem (they scale with the wall). */
const SPARK_REM = { width: 6, height: 2 };
/** The panels over the map's edges: views are fitted between them (in rem). */
const CLEARANCE_REM = { top: 1, bottom: 7, left: 1, right: 28 };

export interface WallModeProps {
  adapter: DataAdapter;
  config: RuntimeConfig;
  domains: readonly DomainModule[];
}

/** The wall scales with the screen: the root font size is a 96th of its width. */
function useWallScale(): number {
  useLayoutEffect(() => {
    document.documentElement.classList.add('wall-mode');
    return () => document.documentElement.classList.remove('wall-mode');
  }, []);
  const [rem, setRem] = useState(20);
  useLayoutEffect(() => {
    const read = () =>
      setRem(Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 20);
    read();
    window.addEventListener('resize', read);
    return () => window.removeEventListener('resize', read);
  }, []);
  return rem;
}

export function WallMode({ adapter, config, domains }: WallModeProps) {
  const { t } = useTranslation();
  const catalog = useQuery(catalogQuery(adapter));
  const rem = useWallScale();
  if (catalog.data) {
    return (
      <WallBody
        adapter={adapter}
        config={config}
        domains={domains}
        catalog={catalog.data.data}
        rem={rem}
      />
    );
  }
  return (
    <WallWaiting>
      {catalog.isError ? (
        <ErrorNotice title={t('errors.catalog')} details={[errorMessage(catalog.error)]} />
      ) : null}
    </WallWaiting>
  );
}

function WallBody({
  adapter,
  config,
  domains,
  catalog,
  rem,
}: WallModeProps & { catalog: Catalog; rem: number }) {
  const settings = useUiStore((state) => state.layerSettings);
  const layers = useMemo(() => domains.flatMap((domain) => domain.layers), [domains]);
  const kpiIds = useMemo(
    () => domains.flatMap((domain) => (domain.kpis ?? []).map((kpi) => kpi.id)),
    [domains],
  );
  const viewLink = useViewLink(layers, kpiIds);
  const isVisible = useCallback(
    (layer: LayerDefinition) => layerSetting(settings, layer).visible,
    [settings],
  );
  const demo = adapter.capabilities.demoControls;
  const clock = useQuery({ ...clockQuery(adapter), enabled: demo });
  const sourceTime = useSimulatedTime(clock.data);
  useLiveFeed(adapter, catalog);
  const sources = useLayerSources(adapter, catalog, layers, isVisible, sourceTime.rate);

  return (
    <DisplayTimeProvider value={sourceTime}>
      <AlarmDeskProvider adapter={adapter} clockRate={sourceTime.rate}>
        <WallScreen
          adapter={adapter}
          config={config}
          domains={domains}
          catalog={catalog}
          layers={layers}
          sources={sources}
          rem={rem}
          initialCamera={viewLink.initialCamera}
          onCameraChange={viewLink.onCameraChange}
        />
      </AlarmDeskProvider>
    </DisplayTimeProvider>
  );
}

function WallScreen({
  adapter,
  config,
  domains,
  catalog,
  layers,
  sources,
  rem,
  initialCamera,
  onCameraChange,
}: WallModeProps & {
  catalog: Catalog;
  layers: readonly LayerDefinition[];
  sources: ReturnType<typeof useLayerSources>;
  rem: number;
  initialCamera: ReturnType<typeof useViewLink>['initialCamera'];
  onCameraChange: ReturnType<typeof useViewLink>['onCameraChange'];
}) {
  const { t } = useTranslation();
  const { language, translatorFor } = useDomainTranslators();
  const settings = useUiStore((state) => state.layerSettings);
  const selection = useUiStore((state) => state.selection);
  const select = useUiStore((state) => state.select);
  const setLayersVisible = useUiStore((state) => state.setLayersVisible);
  const desk = useAlarmDesk();
  const { tree, names: areaNames, inArea } = useAreas(adapter, language);
  const now = useDisplayNow();
  const { rate } = useDisplayTime();
  const [mapError, setMapError] = useState<string | null>(null);

  const kpis = useKpis(adapter, catalog, domains, {
    sources,
    alarms: desk.alarms,
    alarmsReady: desk.query.data !== undefined,
    at: null,
    now,
    clockRate: rate,
    tree,
    inArea,
  });

  const wall = config.wall;
  const showsData = sources.some((source) => source.data !== null);
  const views = useMemo(() => tourViews(wall.tour, tree), [wall.tour, tree]);
  const [startIndex] = useState(() => readTourIndex(window.location.search));
  const tour = useTour(views, {
    holdMs: wall.holdS * 1_000,
    minSeverity: wall.preemptSeverity,
    alarms: desk.query.data ? desk.alarms : null,
    running: showsData,
    startIndex,
  });
  const tourIndex = tour.kind === 'touring' ? tour.index : tour.resume;
  useEffect(() => {
    const search = writeTourIndex(window.location.search, tourIndex);
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${search}${window.location.hash}`,
    );
  }, [tourIndex]);
  const featured = tour.kind === 'featuring' ? (desk.byId.get(tour.alarmId) ?? null) : null;
  const view =
    tour.kind === 'touring' ? (views[tour.index % Math.max(1, views.length)] ?? null) : null;

  // Each new view or featured alarm moves the camera once (a refresh of the same does not).
  const viewKey =
    tour.kind === 'touring' ? `view:${tour.index}:${tour.seq}` : `alarm:${tour.alarmId}`;
  const targetBbox = featured
    ? featured.bbox
    : view?.areaId
      ? (tree?.byId.get(view.areaId)?.bbox ?? catalog.city.bbox)
      : catalog.city.bbox;
  const requestKey = keyOf(
    `${viewKey}|${view?.areaId && tree ? 'area' : ''}|${featured ? 'alarm' : ''}`,
  );
  // Opened from a link (a reload by the watchdog): the first view stays where the link says,
  // also when the areas arrive later (the request's key changes then, the view does not).
  const [startView] = useState(viewKey);
  const keepLinkedCamera = initialCamera !== null && viewKey === startView;
  const cameraRequest = useMemo<CameraRequest | null>(
    () =>
      keepLinkedCamera
        ? null
        : { key: requestKey, bbox: targetBbox, maxZoom: featured ? ALARM_MAX_ZOOM : AREA_MAX_ZOOM },
    // The request is the same while its key is: data refreshes do not move the camera again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [requestKey, keepLinkedCamera],
  );
  // A view names its layers: the wall shows those.
  const viewLayers = view?.layers ?? null;
  useEffect(() => {
    if (!viewLayers) return;
    const shown = new Set(viewLayers);
    setLayersVisible(
      layers.filter((layer) => !shown.has(layer.id)),
      false,
    );
    setLayersVisible(
      layers.filter((layer) => shown.has(layer.id)),
      true,
    );
  }, [viewLayers, layers, setLayersVisible]);

  // The URL holds the view: a reload comes back to it.
  const queryClient = useQueryClient();
  const reload = useCallback(() => reloadPage(queryClient), [queryClient]);
  useWatchdog(wall.watchdogS * 1_000, showsData, reload);

  const layerTitle = (layer: LayerDefinition) => translatorFor(layer.domain)(layer.titleKey);
  const cityName = localizedName(catalog.city.name, language);
  const subject: CalloutSubject | null = featured
    ? {
        kind: 'alarm',
        alarm: featured,
        place: featured.areaId ? (areaNames.get(featured.areaId) ?? null) : null,
      }
    : view && tour.kind === 'touring'
      ? {
          kind: 'view',
          place: view.areaId
            ? localizedName(
                tree?.byId.get(view.areaId)?.name ?? { zh: view.areaId, en: view.areaId },
                language,
              )
            : cityName,
          layers: layers
            .filter((layer) => layerSetting(settings, layer).visible)
            .map(layerTitle)
            .join(' · '),
          step: (tour.index % views.length) + 1,
          of: views.length,
        }
      : null;

  const healthEntries: HealthEntry[] = [
    ...sources
      .filter((source) => layerSetting(settings, source.layer).visible)
      .map((source) => ({
        id: source.layer.id,
        title: layerTitle(source.layer),
        status: source.status,
      })),
    { id: 'alarms', title: t('health.alarms'), status: alarmSourceStatus(desk.query) },
  ];

  const basemap = useQuery({
    ...basemapQuery(adapter),
    enabled: config.basemap.kind === 'embedded' && adapter.capabilities.basemap,
  });
  const basemapChoice: BasemapChoice =
    config.basemap.kind === 'style'
      ? { kind: 'style', url: config.basemap.url }
      : { kind: 'embedded', data: basemap.data?.data ?? null };
  const padding = useMemo(
    () => ({
      top: CLEARANCE_REM.top * rem,
      bottom: CLEARANCE_REM.bottom * rem,
      left: CLEARANCE_REM.left * rem,
      right: CLEARANCE_REM.right * rem,
    }),
    [rem],
  );
  const emphasis = useMemo(() => {
    const layer = featured
      ? layers.find((candidate) => candidate.dataset === featured.datasetId)
      : undefined;
    return featured && layer ? { layerId: layer.id, featureIds: featured.featureIds } : null;
  }, [featured, layers]);
  const attention = useMemo(() => (featured ? [featured.position] : []), [featured]);
  const tickerAlarms = useMemo(
    () => newestAlarms(desk.alarms, TICKER_SEVERITY, TICKER_LENGTH),
    [desk.alarms],
  );
  const sparkSize = useMemo(
    () => ({ width: SPARK_REM.width * rem, height: SPARK_REM.height * rem }),
    [rem],
  );

  return (
    <div
      className="wall"
      lang={language}
      data-testid="wall"
      data-tour={tour.kind}
      data-view={viewKey}
    >
      <header className="wall__header">
        <h1 className="wall__city" data-testid="city-name">
          {cityName}
        </h1>
        <span className="wall__title">{t('app.title')}</span>
        <HealthStrip entries={healthEntries} language={language} timeZone={catalog.city.timezone} />
        <WallClock language={language} timeZone={catalog.city.timezone} />
      </header>
      <div className="wall__ribbon">
        <KpiBar
          figures={kpis.figures}
          alarms={kpis.alarms}
          activeKpiId={null}
          language={language}
          translatorFor={translatorFor}
          sparkSize={sparkSize}
        />
      </div>
      <main className="wall__map">
        <MapView
          basemap={basemapChoice}
          initialBounds={catalog.city.bbox}
          fitPadding={padding}
          sources={sources}
          settings={settings}
          selection={selection}
          language={language}
          translatorFor={translatorFor}
          onSelect={select}
          onError={setMapError}
          label={t('map.label')}
          emphasis={emphasis}
          attention={attention}
          cameraRequest={cameraRequest}
          initialCamera={initialCamera}
          onCameraChange={onCameraChange}
          onUnrecoverable={reload}
        />
        <AlarmTicker
          alarms={tickerAlarms}
          areaNames={areaNames}
          language={language}
          timeZone={catalog.city.timezone}
        />
        {subject ? (
          <WallCallout subject={subject} language={language} timeZone={catalog.city.timezone} />
        ) : null}
        {mapError ? (
          <div className="wall__notice">
            <ErrorNotice title={t('map.label')} details={[mapError]} />
          </div>
        ) : null}
      </main>
    </div>
  );
}

/** A number for a string (a camera request's key changes whenever the string does). */
function keyOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

function WallClock({ language, timeZone }: { language: Language; timeZone?: string }) {
  const now = useDisplayNow();
  useNow();
  return (
    <time className="wall__clock" dateTime={new Date(now).toISOString()} data-testid="wall-clock">
      {formatClock(now, language, timeZone)}
    </time>
  );
}
