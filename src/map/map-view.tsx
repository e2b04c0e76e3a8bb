/**
 * The map engine: one MapLibre map with one deck.gl overlay drawn interleaved in MapLibre's WebGL
 * context. Created once per mount; data refreshes only replace deck.gl layers, so the camera never
 * moves by itself and hover and selection survive every refresh.
 *
 * When the WebGL context is lost (a GPU reset), the map and the overlay are created again in
 * place, at the camera they had, with the same layers (they come from props): deck.gl's GPU
 * resources cannot be restored into a new context, so recreating both is the one sure way back.
 * When that keeps failing, `onUnrecoverable` is called (see context-recovery.ts).
 */
import { layerZoom } from './layer-zoom';
import { reportCameraMotion } from './camera-motion-reporting';
import type { Layer } from '@deck.gl/core';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { Map as MapLibreMap, type PaddingOptions, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'react';
import type { Basemap, BBox, Position } from '../data/schemas';
import { findFeature, type EmphasisRef } from './compose-layers';
import {
  DEFAULT_RECOVERY_POLICY,
  INITIAL_RECOVERY_STATE,
  nextRecoveryState,
  noticeFor,
  type RecoveryEvent,
  type RecoveryState,
} from './context-recovery';
import { emptyStyle } from './embedded-style';
import type { Language, Translate } from './layer-contract';
import type { LayerSource } from './layer-sources';
import { MapContextNotice } from './map-context-notice';
import { MapTooltip } from './map-tooltip';
import { followContainerSize } from './follow-container-size';
import { setUpMapLibre } from './maplibre-setup';
import { useEmbeddedBasemap } from './use-embedded-basemap';
import { useDrawnLayers, useLayerDrawing } from './use-layer-drawing';
import { definitionOfDeckLayer, pickedFeature } from './picking';
import { sameFeature, type FeatureRef, type LayerSetting } from './store';

export type BasemapChoice =
  { kind: 'embedded'; data: Basemap | null } | { kind: 'style'; url: string };

export interface MapViewProps {
  basemap: BasemapChoice;
  /** The camera at start: the city's extent. Set once; data never moves the camera. */
  initialBounds: BBox;
  /** Room kept free around the city at start (panels floating over the map). */
  fitPadding: PaddingOptions;
  sources: readonly LayerSource[];
  settings: Record<string, LayerSetting>;
  selection: FeatureRef | null;
  language: Language;
  translatorFor: (domain: string) => Translate;
  onSelect: (feature: FeatureRef | null) => void;
  onError: (message: string) => void;
  label: string;
  /** Features highlighted with the selection (an alarm's features). */
  emphasis?: EmphasisRef | null;
  /** Features a figure counts: their layer is dimmed and they stand out (a KPI clicked). */
  focus?: EmphasisRef | null;
  /** A click on an overlay's object (an area of the choropleth) rather than on a feature. */
  onPickOverlay?: (layerId: string, object: unknown) => void;
  /** Places that pulse to catch the eye (new severe alarms). */
  attention?: readonly Position[];
  /** Layers of the operator's work drawn over the domain layers (areas shaded by a figure). */
  overlays?: readonly Layer[];
  /** The camera moves only when asked: a new request (a new `key`) fits its bounds. */
  cameraRequest?: CameraRequest | null;
  /** A camera to start at instead of the city's extent (a shared link's). */
  initialCamera?: MapCamera | null;
  /** Where the camera came to rest (after loading, after every move). */
  onCameraChange?: (view: CameraAtRest) => void;
  /** The map's canvas once it exists (null when it goes), e.g. to save a picture of it. */
  onCanvas?: (canvas: HTMLCanvasElement | null) => void;
  /**
   * The map lost its WebGL context and could not be brought back (losses keep coming, or a new
   * map cannot get a context): only a fresh page will do, e.g. a reload.
   */
  onUnrecoverable?: () => void;
}

export interface MapCamera {
  readonly center: readonly [number, number];
  readonly zoom: number;
  readonly bearing: number;
  readonly pitch: number;
}

/** A camera at rest, with the extent it shows. */
export interface CameraAtRest extends MapCamera {
  readonly bounds: BBox;
}

export interface CameraRequest {
  readonly key: number;
  readonly bbox: BBox;
  /** Never closer than this (a single point's bounds would zoom in all the way). */
  readonly maxZoom: number;
}

const CAMERA_FLIGHT_MS = 900;

interface Hover extends FeatureRef {
  x: number;
  y: number;
}

/** Thin lines are hard to hit exactly: picks look this far around the pointer. */
const PICKING_RADIUS_PX = 4;

declare global {
  interface Window {
    /** The live map, for diagnostics and browser tests (a new one after a context loss). */
    __cityopsMap?: MapLibreMap;
  }
}

function reduceRecovery(state: RecoveryState, event: RecoveryEvent): RecoveryState {
  return nextRecoveryState(state, event, DEFAULT_RECOVERY_POLICY);
}

export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const overlayRef = useRef<MapLibreOverlay | null>(null);
  /** The layers last drawn and their cache: before the map's creation, which needs them. */
  const drawn = useDrawnLayers();
  const [mapReady, setMapReady] = useState(false);
  const [zoom, setZoom] = useState(0);
  const [hover, setHover] = useState<Hover | null>(null);
  const [recovery, dispatchRecovery] = useReducer(reduceRecovery, INITIAL_RECOVERY_STATE);
  /** Where the map was when its context was lost: the recreated map starts there. */
  const resumeCamera = useRef<MapCamera | null>(null);
  /** The last camera request carried out: a recreated map must not fly to it again. */
  const handledCameraRequest = useRef<number | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

  const styleUrl = props.basemap.kind === 'style' ? props.basemap.url : null;
  const { generation } = recovery;

  // Create the map and the overlay once per mount, per style URL (which only config changes) and
  // per generation (bumped to recreate them after a WebGL context loss).
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    setUpMapLibre();
    drawn.mapCreated();
    const startCamera = resumeCamera.current ?? latest.current.initialCamera;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: styleUrl ?? (emptyStyle() as StyleSpecification),
        ...(startCamera
          ? {
              center: [...startCamera.center],
              zoom: startCamera.zoom,
              bearing: startCamera.bearing,
              pitch: startCamera.pitch,
            }
          : {
              bounds: [...latest.current.initialBounds],
              fitBoundsOptions: { padding: latest.current.fitPadding },
            }),
        maxPitch: 70,
        attributionControl: false,
        canvasContextAttributes: { antialias: true, preserveDrawingBuffer: true },
      });
    } catch (error) {
      latest.current.onError(error instanceof Error ? error.message : String(error));
      // A map recreated after a context loss that cannot get a context: recovery has failed.
      dispatchRecovery({ type: 'creation-failed' });
      return;
    }
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      onHover: (info) => {
        const ref = pickedFeature(
          latest.current.sources.map((source) => source.layer),
          info,
        );
        setHover((previous) => {
          if (!ref) return previous ? null : previous;
          const next = { ...ref, x: info.x, y: info.y };
          return previous &&
            sameFeature(previous, next) &&
            previous.x === next.x &&
            previous.y === next.y
            ? previous
            : next;
        });
      },
      pickingRadius: PICKING_RADIUS_PX,
      // Whether every layer has all it draws (a tiled layer: every tile in view) and was made for
      // the map's zoom, for whoever waits for a complete picture (the browser tests, the
      // benchmarks). What is missing is named, for whoever wonders why a picture is not complete.
      onAfterRender: () => {
        const pending = drawn.pendingFor(map.getZoom());
        container.dataset['layersLoaded'] = pending.length === 0 ? 'true' : 'false';
        if (pending.length === 0) delete container.dataset['layersPending'];
        else container.dataset['layersPending'] = pending.join(' ');
      },
      getCursor: ({ isHovering, isDragging }) =>
        isDragging ? 'grabbing' : isHovering ? 'pointer' : 'grab',
      onError: (error) => latest.current.onError(error.message),
    });
    map.addControl(overlay);
    // Set once this map's context is lost: from then on it only waits to be replaced, and nothing
    // may draw or pick with it.
    let lost = false;
    const canvas = map.getCanvas();
    const onContextLost = (event: Event) => {
      // Without it the browser never restores the context (MapLibre calls it too; not relied on).
      event.preventDefault();
      if (lost) return;
      lost = true;
      const center = map.getCenter();
      resumeCamera.current = {
        center: [center.lng, center.lat],
        zoom: map.getZoom(),
        bearing: map.getBearing(),
        pitch: map.getPitch(),
      };
      setMapReady(false);
      setHover(null);
      dispatchRecovery({ type: 'lost', at: performance.now() });
      // deck.gl's buffers, textures and programs died with the context and cannot be restored
      // into another: let go of the overlay now (after the state above, so a failure here cannot
      // stop the recovery), so nothing draws or picks with them before the map is replaced.
      overlay.finalize();
    };
    const onContextRestored = () => dispatchRecovery({ type: 'restored' });
    canvas.addEventListener('webglcontextlost', onContextLost);
    canvas.addEventListener('webglcontextrestored', onContextRestored);
    // Clicks are taken from MapLibre (which owns the canvas's gestures in interleaved mode) and
    // picked through the overlay, so a click that MapLibre treats as a click always selects.
    map.on('click', (event) => {
      if (lost) return;
      const info = overlay.pickObject({
        x: event.point.x,
        y: event.point.y,
        radius: PICKING_RADIUS_PX,
      });
      const layers = latest.current.sources.map((source) => source.layer);
      const feature = info ? pickedFeature(layers, info) : null;
      const overlayId = info?.layer?.id;
      if (!feature && info?.picked && overlayId && !definitionOfDeckLayer(layers, overlayId)) {
        latest.current.onPickOverlay?.(overlayId, info.object);
        return;
      }
      latest.current.onSelect(feature);
    });
    const cameraAtRest = () => {
      // At the end of every move, not only of zooms: a resize can change the zoom (to keep within
      // the map's limits) with move events alone. The same zoom again re-renders nothing.
      setZoom(layerZoom(map.getZoom()));
      const center = map.getCenter();
      container.dataset.center = `${center.lng.toFixed(6)},${center.lat.toFixed(6)}`;
      container.dataset.zoom = map.getZoom().toFixed(4);
      const bounds = map.getBounds();
      latest.current.onCameraChange?.({
        center: [center.lng, center.lat],
        zoom: map.getZoom(),
        bearing: map.getBearing(),
        pitch: map.getPitch(),
        bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      });
    };
    map.on('moveend', cameraAtRest);
    const stopReportingMotion = reportCameraMotion(map, container);
    map.on('error', (event) => {
      // A lost map's errors (a failed restore of its own) say nothing new: the notice is up and
      // the map is about to be replaced.
      if (lost) return;
      latest.current.onError(event.error?.message ?? 'map error');
    });
    map.on('load', () => {
      if (lost) return;
      resumeCamera.current = null;
      dispatchRecovery({ type: 'loaded' });
      setMapReady(true);
      cameraAtRest();
      latest.current.onCanvas?.(map.getCanvas());
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    window.__cityopsMap = map;
    const stopFollowing = followContainerSize(map, container, () => lost);
    return () => {
      stopFollowing();
      // Before `remove()`, which loses the context on purpose: that loss is not a GPU failure.
      canvas.removeEventListener('webglcontextlost', onContextLost);
      canvas.removeEventListener('webglcontextrestored', onContextRestored);
      setMapReady(false);
      latest.current.onCanvas?.(null);
      overlay.finalize();
      map.remove();
      // A map removed mid-move (a lost context, a new style) holds the page's updates no more.
      stopReportingMotion();
      mapRef.current = null;
      overlayRef.current = null;
      if (window.__cityopsMap === map) delete window.__cityopsMap;
    };
  }, [styleUrl, generation, drawn]);

  // The browser may never restore the context (it stops after repeated GPU crashes): after a few
  // seconds, recreate the map anyway. A new context on a new canvas can often be had regardless.
  const { phase } = recovery;
  useEffect(() => {
    if (phase !== 'lost') return;
    const timer = window.setTimeout(
      () => dispatchRecovery({ type: 'restore-timeout' }),
      DEFAULT_RECOVERY_POLICY.restoreTimeoutMs,
    );
    return () => window.clearTimeout(timer);
  }, [phase]);

  useEffect(() => {
    if (phase === 'given-up') latest.current.onUnrecoverable?.();
  }, [phase]);

  const embedded = props.basemap.kind === 'embedded' ? props.basemap.data : null;
  const embeddedReady = useEmbeddedBasemap(mapRef, mapReady, embedded);
  const basemapReady = props.basemap.kind === 'style' ? mapReady : embeddedReady;

  const { cameraRequest } = props;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !mapReady || !cameraRequest) return;
    // A map recreated after a context loss starts where the lost one was: a flight already made
    // is not made again (a request that came while the map was down is still carried out).
    if (handledCameraRequest.current === cameraRequest.key) return;
    handledCameraRequest.current = cameraRequest.key;
    const [west, south, east, north] = cameraRequest.bbox;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      {
        padding: latest.current.fitPadding,
        maxZoom: cameraRequest.maxZoom,
        duration: CAMERA_FLIGHT_MS,
      },
    );
  }, [cameraRequest, mapReady]);

  // After the map's creation above, whose effect must run first: a new overlay is handed its
  // layers in the same commit.
  useLayerDrawing(drawn, mapRef, overlayRef, mapReady, basemapReady, {
    sources: props.sources,
    settings: props.settings,
    language: props.language,
    zoom,
    selection: props.selection,
    emphasis: props.emphasis,
    focus: props.focus,
    attention: props.attention,
    overlays: props.overlays,
    embedded,
  });

  const hovered = hover ? findFeature(props.sources, hover) : null;
  const description =
    hovered && hovered.source.data
      ? hovered.source.layer.describe({
          feature: hovered.feature,
          index: hovered.index,
          state: hovered.source.data.state,
          language: props.language,
          t: props.translatorFor(hovered.source.layer.domain),
        })
      : null;

  const notice = noticeFor(phase);

  return (
    <div className="map-view">
      <div
        ref={containerRef}
        className="map-view__canvas"
        data-testid="map"
        data-ready={mapReady ? 'true' : 'false'}
        data-basemap={basemapReady ? 'ready' : 'loading'}
        role="region"
        aria-label={props.label}
      />
      {description && hover ? (
        <MapTooltip description={description} x={hover.x} y={hover.y} />
      ) : null}
      {notice ? <MapContextNotice kind={notice} /> : null}
    </div>
  );
}
