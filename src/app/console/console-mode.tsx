/**
 * The operator's console: top bar, layer panel, the map, the alarm centre, the details panel.
 * Data flows one way: adapter → query cache → layer sources and the alarm desk → map and panels;
 * operator actions flow back through the alarm desk's outbox to the adapter.
 */
import type { Layer } from '@deck.gl/core';
import { useQuery } from '@tanstack/react-query';
import { memo, Suspense, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataAdapter } from '../../data/adapter';
import { catalogQuery } from '../../data/queries';
import type { Catalog } from '../../data/schemas';
import type { DomainModule } from '../../map/layer-contract';
import { errorMessage, useLayerSources } from '../../map/layer-sources';
import { MapView, type CameraAtRest } from '../../map/map-view';
import { useUiStore } from '../../map/store';
import { ErrorNotice } from '../../ui/error-notice';
import { onDemand } from '../../ui/on-demand';
import type { RuntimeConfig } from '../config/runtime-config';
import { DemoPanelPlaceholder } from '../demo/demo-panel-placeholder';
import { DisplayTimeProvider, type DisplayTime } from '../../ui/display-time';
import {
  useBasemapChoice,
  useDomainViewLink,
  useLayerVisibility,
  useSourceTime,
} from '../map-setup';
import { useDomainTranslators } from '../translators';
import { DetailsPanel } from './details-panel';
import { Operations, type OperationsView } from './operations';
import { AlarmDeskProvider } from '../../ops/alarms/alarm-desk';
import type { BBox, Position } from '../../data/schemas';

const NO_POSITIONS: readonly Position[] = [];
const NO_LAYERS: readonly Layer[] = [];
import { LayerPanel } from './layer-panel';
import { TimeBar } from '../../ops/time/time-bar';
import { useReplayTime } from '../../ops/time/use-replay-time';
import { useLinkedTime } from '../share/use-linked-time';
import { useLiveFeed } from '../live/live-feed';
import { TopBar } from './top-bar';

/** Shown only against a demo backend: a chunk of its own, which a real city's console never loads. */
const DemoPanel = onDemand(
  () => import('../demo/demo-panel').then((module) => module.DemoPanel),
  (error) => <DemoPanelPlaceholder error={error} />,
);

/** The layer panel and the alarm centre float over the map's edges: fit the city between them. */
const PANEL_CLEARANCE = { top: 24, bottom: 24, left: 320, right: 380 };

export interface ConsoleModeProps {
  adapter: DataAdapter;
  config: RuntimeConfig;
  domains: readonly DomainModule[];
}

export function ConsoleMode({ adapter, config, domains }: ConsoleModeProps) {
  const { t } = useTranslation();
  const catalog = useQuery(catalogQuery(adapter));
  const { language } = useDomainTranslators();
  const feed = useLiveFeed(adapter, catalog.data?.data ?? null);
  // Read here, above the body: a reading that only confirms the clock re-renders nothing below.
  const { sourceTime, sourceKnown } = useSourceTime(adapter);

  return (
    <div className="console" lang={language}>
      <TopBar
        catalog={catalog.data?.data ?? null}
        language={language}
        demo={config.mock.enabled}
        feed={feed}
      />
      {catalog.data ? (
        <ConsoleBody
          adapter={adapter}
          config={config}
          domains={domains}
          catalog={catalog.data.data}
          sourceTime={sourceTime}
          sourceKnown={sourceKnown}
        />
      ) : catalog.isError ? (
        <div className="console__center">
          <ErrorNotice
            title={t('errors.catalog')}
            details={[errorMessage(catalog.error)]}
            onRetry={() => void catalog.refetch()}
          />
        </div>
      ) : (
        <div className="console__center" data-testid="loading">
          {t('app.loading')}
        </div>
      )}
    </div>
  );
}

/**
 * Memoized: the console above it re-renders with the live feed's rate and every clock reading,
 * which change nothing here unless the clock itself changed.
 */
const ConsoleBody = memo(function ConsoleBody({
  adapter,
  config,
  domains,
  catalog,
  sourceTime,
  sourceKnown,
}: ConsoleModeProps & {
  catalog: Catalog;
  /** The source's time (a demo backend's simulated clock), and whether it has been read. */
  sourceTime: DisplayTime;
  sourceKnown: boolean;
}) {
  const { t } = useTranslation();
  const { language, translatorFor } = useDomainTranslators();
  const settings = useUiStore((state) => state.layerSettings);
  const selection = useUiStore((state) => state.selection);
  const select = useUiStore((state) => state.select);
  const [mapError, setMapError] = useState<string | null>(null);

  const { layers, viewLink } = useDomainViewLink(domains);
  // Read when a layer is saved, not rendered: a camera at rest re-renders nothing.
  const viewBounds = useRef<BBox | null>(null);
  const currentViewBounds = useCallback(() => viewBounds.current, []);
  const [mapCanvas, setMapCanvas] = useState<HTMLCanvasElement | null>(null);
  const [kpiSlot, setKpiSlot] = useState<HTMLElement | null>(null);
  const { onCameraChange: linkCamera } = viewLink;
  const onCameraChange = useCallback(
    (view: CameraAtRest) => {
      viewBounds.current = view.bounds;
      linkCamera(view);
    },
    [linkCamera],
  );
  const isVisible = useLayerVisibility(settings);
  const demo = adapter.capabilities.demoControls;
  const replay = useReplayTime(sourceTime);
  useLinkedTime(
    viewLink,
    useMemo(
      () => (sourceKnown ? () => sourceTime.at(Date.now()) : null),
      [sourceKnown, sourceTime],
    ),
  );
  const displayTime = replay.displayTime;

  const sources = useLayerSources(
    adapter,
    catalog,
    layers,
    isVisible,
    sourceTime.rate,
    replay.readAt,
  );
  const alarmsOn = adapter.capabilities.alarms;

  const { basemap, choice: basemapChoice } = useBasemapChoice(adapter, config);

  const mapView = (operations: OperationsView | null) => (
    <MapView
      basemap={basemapChoice}
      initialBounds={catalog.city.bbox}
      fitPadding={PANEL_CLEARANCE}
      sources={sources}
      settings={settings}
      selection={selection}
      language={language}
      translatorFor={translatorFor}
      onSelect={operations?.onSelect ?? select}
      onPickOverlay={operations?.onPickOverlay}
      focus={operations?.focus ?? null}
      onError={setMapError}
      label={t('map.label')}
      emphasis={operations?.emphasis ?? null}
      overlays={operations?.overlays ?? NO_LAYERS}
      attention={operations?.attention ?? NO_POSITIONS}
      cameraRequest={operations?.cameraRequest ?? null}
      initialCamera={viewLink.initialCamera}
      onCameraChange={onCameraChange}
      onCanvas={setMapCanvas}
      onUnrecoverable={() => window.location.reload()}
    />
  );
  const details = (alarms: ReactNode, onClose: () => void) => (
    <DetailsPanel
      adapter={adapter}
      sources={sources}
      language={language}
      translatorFor={translatorFor}
      alarms={alarms}
      onClose={onClose}
    />
  );

  return (
    <DisplayTimeProvider value={displayTime}>
      <div className="kpi-slot" ref={setKpiSlot} />
      <main
        className={`console__body${alarmsOn ? ' console__body--alarms' : ''}${replay.readAt !== null ? ' console--replay' : ''}`}
      >
        <LayerPanel
          domains={domains}
          sources={sources}
          translatorFor={translatorFor}
          viewBounds={currentViewBounds}
        />
        <div className="console__map">
          {alarmsOn ? (
            <AlarmDeskProvider adapter={adapter} clockRate={sourceTime.rate} at={replay.readAt}>
              <Operations
                adapter={adapter}
                config={config}
                catalog={catalog}
                domains={domains}
                sources={sources}
                language={language}
                mapCanvas={mapCanvas}
                renderMap={mapView}
                renderDetails={details}
                readAt={replay.readAt}
                sourceTime={sourceTime}
                kpiSlot={kpiSlot}
              />
            </AlarmDeskProvider>
          ) : (
            <>
              {mapView(null)}
              {details(null, () => select(null))}
            </>
          )}
          <div className="console__notices">
            {basemap.isError ? (
              <ErrorNotice title={t('errors.basemap')} details={[errorMessage(basemap.error)]} />
            ) : null}
            {mapError ? <ErrorNotice title={t('map.label')} details={[mapError]} /> : null}
            {viewLink.ignored.length > 0 ? (
              <div className="link-notice" role="status" data-testid="link-notice">
                <span>{t('share.ignored', { names: viewLink.ignored.join(', ') })}</span>
                <button type="button" className="link-button" onClick={viewLink.dismissIgnored}>
                  {t('alarms.dismiss')}
                </button>
              </div>
            ) : null}
          </div>
        </div>
        {demo ? (
          <DisplayTimeProvider value={sourceTime}>
            <Suspense fallback={<DemoPanelPlaceholder />}>
              <DemoPanel adapter={adapter} timeZone={catalog.city.timezone} />
            </Suspense>
          </DisplayTimeProvider>
        ) : null}
      </main>
      <TimeBar sourceTime={sourceTime.at} language={language} timeZone={catalog.city.timezone} />
    </DisplayTimeProvider>
  );
});
