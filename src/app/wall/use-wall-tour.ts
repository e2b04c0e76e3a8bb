/**
 * The wall's camera tour and what its callout says: the view of the tour shown (its area, its
 * layers) or the new severe alarm that pre-empted it, the camera's move there, the alarm drawn
 * out on the map, and the tour's place kept in the page's link for a reload.
 */
import { useEffect, useMemo, useState } from 'react';
import type { BBox, Position } from '../../data/schemas';
import type { EmphasisRef } from '../../map/compose-layers';
import type { Language, LayerDefinition } from '../../map/layer-contract';
import type { CameraRequest } from '../../map/map-view';
import { useUiStore } from '../../map/store';
import type { AlarmDesk } from '../../ops/alarms/alarm-desk';
import { localizedName } from '../../ops/alarms/labels';
import type { AreaTree } from '../../ops/areas/area-tree';
import type { TourState } from '../../ops/wall/tour';
import { useTour } from '../../ops/wall/use-tour';
import type { WallConfig } from '../config/runtime-config';
import { readTourIndex, writeTourIndex } from './tour-link';
import type { CalloutSubject } from './wall-callout';
import { tourViews } from './wall-views';

/** Close enough to see a district whole, or an alarm among its streets. */
const AREA_MAX_ZOOM = 15;
const ALARM_MAX_ZOOM = 16;

export interface WallTourOptions {
  readonly wall: WallConfig;
  readonly desk: Pick<AlarmDesk, 'alarms' | 'byId' | 'query'>;
  readonly tree: AreaTree | null;
  readonly areaNames: ReadonlyMap<string, string>;
  readonly cityName: string;
  /** Where the whole city is (a view of no area, or of one not known). */
  readonly cityBbox: BBox;
  readonly layers: readonly LayerDefinition[];
  /** Whether a layer is on (`useLayerVisibility`): the callout names the layers shown. */
  readonly isVisible: (layer: LayerDefinition) => boolean;
  readonly layerTitle: (layer: LayerDefinition) => string;
  readonly language: Language;
  /** Whether the wall shows anything yet (the tour's time counts from then). */
  readonly running: boolean;
  /** Whether the page was opened at a camera of its link (a reload by the watchdog). */
  readonly linked: boolean;
}

export interface WallTour {
  readonly kind: TourState['kind'];
  /** Names the view (`view:<index>:<seq>`) or the alarm (`alarm:<id>`) shown. */
  readonly viewKey: string;
  readonly cameraRequest: CameraRequest | null;
  /** The featured alarm's features, drawn out on the map. */
  readonly emphasis: EmphasisRef | null;
  /** Where the featured alarm is (a pulse on the map). */
  readonly attention: readonly Position[];
  /** What the callout says; null, no callout. */
  readonly subject: CalloutSubject | null;
}

export function useWallTour({
  wall,
  desk,
  tree,
  areaNames,
  cityName,
  cityBbox,
  layers,
  isVisible,
  layerTitle,
  language,
  running,
  linked,
}: WallTourOptions): WallTour {
  const setLayersVisible = useUiStore((state) => state.setLayersVisible);
  const views = useMemo(() => tourViews(wall.tour, tree), [wall.tour, tree]);
  const [startIndex] = useState(() => readTourIndex(window.location.search));
  const tour = useTour(views, {
    holdMs: wall.holdS * 1_000,
    minSeverity: wall.preemptSeverity,
    alarms: desk.query.data ? desk.alarms : null,
    running,
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
      ? (tree?.byId.get(view.areaId)?.bbox ?? cityBbox)
      : cityBbox;
  const requestKey = keyOf(
    `${viewKey}|${view?.areaId && tree ? 'area' : ''}|${featured ? 'alarm' : ''}`,
  );
  // Opened from a link (a reload by the watchdog): the first view stays where the link says,
  // also when the areas arrive later (the request's key changes then, the view does not).
  const [startView] = useState(viewKey);
  const keepLinkedCamera = linked && viewKey === startView;
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

  const emphasis = useMemo(() => {
    const layer = featured
      ? layers.find((candidate) => candidate.dataset === featured.datasetId)
      : undefined;
    return featured && layer ? { layerId: layer.id, featureIds: featured.featureIds } : null;
  }, [featured, layers]);
  const attention = useMemo(() => (featured ? [featured.position] : []), [featured]);

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
          layers: layers.filter(isVisible).map(layerTitle).join(' · '),
          step: (tour.index % views.length) + 1,
          of: views.length,
        }
      : null;

  return { kind: tour.kind, viewKey, cameraRequest, emphasis, attention, subject };
}

/** A number for a string (a camera request's key changes whenever the string does). */
function keyOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}
