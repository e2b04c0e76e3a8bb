/**
 * Keeps the page's URL a link to the view: on start the link's view is applied (camera, layers,
 * selection, alarm in focus, alarm filters, language); afterwards every change is written back
 * (replacing the history entry, so Back still leaves the page). What the link held that could not
 * be used is returned, for the page to say.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import type { LayerDefinition } from '../../map/layer-contract';
import type { MapCamera } from '../../map/map-view';
import { layerSetting, useUiStore } from '../../map/store';
import { useAlarmStore } from '../../ops/alarms/alarm-store';
import { useKpiStore } from '../../ops/kpis/kpi-store';
import { useTimeStore } from '../../ops/time/time-store';
import {
  readViewLink,
  writeViewLink,
  type ReadView,
  type SharedView,
  type ViewParam,
} from './view-link';

/** Camera moves come in bursts (a flight, a drag): the URL is written once they settle. */
const WRITE_DELAY_MS = 400;

export interface ViewLink {
  /** The link's time cursor, not yet checked against the source's history; null, live. */
  readonly time: number | null;
  /** Says that a link value turned out unusable once the page could check it. */
  readonly ignore: (name: ViewParam) => void;
  readonly initialCamera: MapCamera | null;
  readonly ignored: readonly ViewParam[];
  readonly dismissIgnored: () => void;
  readonly onCameraChange: (camera: MapCamera) => void;
}

export function useViewLink(
  layers: readonly LayerDefinition[],
  kpiIds: readonly string[] = [],
): ViewLink {
  const { i18n } = useTranslation();
  const [link] = useState<ReadView>(() =>
    readViewLink(window.location.search, { layerIds: layers.map((layer) => layer.id), kpiIds }),
  );
  const [ignored, setIgnored] = useState(link.ignored);
  const camera = useRef<MapCamera | null>(link.view.camera);

  // Applied once, before the first paint, so the page opens on the shared view.
  const applied = useRef(false);
  useLayoutEffect(() => {
    if (applied.current) return;
    applied.current = true;
    const { view } = link;
    const ui = useUiStore.getState();
    if (view.visibleLayers) {
      const shown = new Set(view.visibleLayers);
      ui.setLayersVisible(layers.filter((layer) => !shown.has(layer.id)), false);
      ui.setLayersVisible(layers.filter((layer) => shown.has(layer.id)), true);
    }
    if (view.selection) ui.select(view.selection);
    const alarms = useAlarmStore.getState();
    if (view.alarmId) alarms.focusAlarm(view.alarmId);
    for (const key of Object.keys(view.filters) as (keyof SharedView['filters'])[]) {
      if (view.filters[key] !== null) alarms.setFilter(key, view.filters[key]);
    }
    if (view.language) void i18n.changeLanguage(view.language);
    if (view.kpiId) useKpiStore.getState().setActiveKpi(view.kpiId);
  }, [link, layers, i18n]);
  const ignore = useCallback(
    (name: ViewParam) => setIgnored((names) => (names.includes(name) ? names : [...names, name])),
    [],
  );

  const timer = useRef<number | undefined>(undefined);
  const write = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      const { layerSettings, selection } = useUiStore.getState();
      const { focusedAlarmId, filters } = useAlarmStore.getState();
      const { cursor } = useTimeStore.getState();
      const { activeKpiId } = useKpiStore.getState();
      const view: SharedView = {
        camera: camera.current,
        visibleLayers: layers.filter((layer) => layerSetting(layerSettings, layer).visible).map((layer) => layer.id),
        selection,
        alarmId: focusedAlarmId,
        filters,
        language: currentLanguage(i18n),
        time: cursor,
        kpiId: activeKpiId,
      };
      const search = writeViewLink(view, window.location.search);
      if (search !== window.location.search) {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      }
    }, WRITE_DELAY_MS);
  }, [layers, i18n]);

  useEffect(() => {
    const unsubscribe = [
      useUiStore.subscribe(write),
      useAlarmStore.subscribe(write),
      useTimeStore.subscribe(write),
      useKpiStore.subscribe(write),
    ];
    i18n.on('languageChanged', write);
    write();
    return () => {
      unsubscribe.forEach((stop) => stop());
      i18n.off('languageChanged', write);
      window.clearTimeout(timer.current);
    };
  }, [write, i18n]);

  const onCameraChange = useCallback(
    (next: MapCamera) => {
      camera.current = next;
      write();
    },
    [write],
  );

  return {
    initialCamera: link.view.camera,
    time: link.view.time,
    ignore,
    ignored,
    dismissIgnored: () => setIgnored([]),
    onCameraChange,
  };
}
