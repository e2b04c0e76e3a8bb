/**
 * The wall screen (大屏): the map full screen with the city's name, the clock, the data-health
 * strip, the KPI ribbon and the alarm ticker; a tour of the city that a new severe alarm
 * pre-empts; a watchdog that reloads a stalled page. It starts and plays with no gesture at all.
 * Everything is sized for 1920×1080 in `rem` (1rem = 1/96 of the width), so a 3840×2160 wall
 * shows the same screen at twice the size.
 *
 * This file puts the wall together: its data (catalog, sources, alarms, KPIs), the watchdog and
 * the map. Its parts are modules of their own: the scale (use-wall-scale.ts), the header
 * (wall-header.tsx), the tour with its callout (use-wall-tour.ts, wall-callout.tsx) and the
 * ticker (wall-ticker.tsx).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataAdapter } from '../../data/adapter';
import { catalogQuery } from '../../data/queries';
import type { Catalog } from '../../data/schemas';
import type { DomainModule, LayerDefinition } from '../../map/layer-contract';
import { errorMessage, useLayerSources } from '../../map/layer-sources';
import { MapView } from '../../map/map-view';
import { useUiStore } from '../../map/store';
import { AlarmDeskProvider, useAlarmDesk } from '../../ops/alarms/alarm-desk';
import { alarmSourceStatus } from '../../ops/alarms/alarm-source-status';
import { localizedName } from '../../ops/alarms/labels';
import { useAreas } from '../../ops/areas/use-areas';
import { KpiBar } from '../../ops/kpis/kpi-bar';
import { useKpis } from '../../ops/kpis/use-kpis';
import { reloadPage, useWatchdog } from '../../ops/wall/use-watchdog';
import { DisplayTimeProvider, useDisplayNow, useDisplayTime } from '../../ui/display-time';
import { ErrorNotice } from '../../ui/error-notice';
import type { RuntimeConfig } from '../config/runtime-config';
import { useLiveFeed } from '../live/live-feed';
import type { ViewLink } from '../share/use-view-link';
import {
  useBasemapChoice,
  useDomainViewLink,
  useLayerVisibility,
  useSourceTime,
} from '../map-setup';
import { useDomainTranslators } from '../translators';
import { useWallScale } from './use-wall-scale';
import { useWallTour } from './use-wall-tour';
import { WallCallout } from './wall-callout';
import { WallHeader } from './wall-header';
import { WallTicker } from './wall-ticker';
import { WallWaiting } from './wall-waiting';

/** The ribbon's trend lines, in rem (they scale with the wall). */
const SPARK_REM = { width: 6, height: 2 };
/** The panels over the map's edges: views are fitted between them (in rem). */
const CLEARANCE_REM = { top: 1, bottom: 7, left: 1, right: 28 };

export interface WallModeProps {
  adapter: DataAdapter;
  config: RuntimeConfig;
  domains: readonly DomainModule[];
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
  const { layers, viewLink } = useDomainViewLink(domains);
  const isVisible = useLayerVisibility(settings);
  const { sourceTime } = useSourceTime(adapter);
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
  initialCamera: ViewLink['initialCamera'];
  onCameraChange: ViewLink['onCameraChange'];
}) {
  const { t } = useTranslation();
  const { language, translatorFor } = useDomainTranslators();
  const settings = useUiStore((state) => state.layerSettings);
  const isVisible = useLayerVisibility(settings);
  const selection = useUiStore((state) => state.selection);
  const select = useUiStore((state) => state.select);
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
  const layerTitle = (layer: LayerDefinition) => translatorFor(layer.domain)(layer.titleKey);
  const cityName = localizedName(catalog.city.name, language);
  const tour = useWallTour({
    wall,
    desk,
    tree,
    areaNames,
    cityName,
    cityBbox: catalog.city.bbox,
    layers,
    isVisible,
    layerTitle,
    language,
    running: showsData,
    linked: initialCamera !== null,
  });

  // The URL holds the view: a reload comes back to it.
  const queryClient = useQueryClient();
  const reload = useCallback(() => reloadPage(queryClient), [queryClient]);
  useWatchdog(wall.watchdogS * 1_000, showsData, reload);

  const { choice: basemapChoice } = useBasemapChoice(adapter, config);
  const padding = useMemo(
    () => ({
      top: CLEARANCE_REM.top * rem,
      bottom: CLEARANCE_REM.bottom * rem,
      left: CLEARANCE_REM.left * rem,
      right: CLEARANCE_REM.right * rem,
    }),
    [rem],
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
      data-view={tour.viewKey}
    >
      <WallHeader
        cityName={cityName}
        language={language}
        timeZone={catalog.city.timezone}
        sources={sources}
        isVisible={isVisible}
        layerTitle={layerTitle}
        alarmsStatus={alarmSourceStatus(desk.query)}
      />
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
          emphasis={tour.emphasis}
          attention={tour.attention}
          cameraRequest={tour.cameraRequest}
          initialCamera={initialCamera}
          onCameraChange={onCameraChange}
          onUnrecoverable={reload}
        />
        <WallTicker
          alarms={desk.alarms}
          areaNames={areaNames}
          language={language}
          timeZone={catalog.city.timezone}
        />
        {tour.subject ? (
          <WallCallout
            subject={tour.subject}
            language={language}
            timeZone={catalog.city.timezone}
          />
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
