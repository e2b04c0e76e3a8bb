/**
 * The view as a link: camera, visible layers, selected feature, alarm in focus, alarm filters and
 * language in the page's URL, so a link opened elsewhere shows the same view. Every value is read
 * on its own and checked; a bad or hostile one is left out and named (the page says which were
 * ignored), never trusted and never a crash. Parameters the view does not own (`config`,
 * `mockFaults`) are kept as they are.
 */
import { z } from 'zod';
import { LIFECYCLE_STEPS } from '../../data/alarm-schemas';
import type { AppLanguage } from '../../i18n';

export interface CameraView {
  readonly center: readonly [number, number];
  readonly zoom: number;
  readonly bearing: number;
  readonly pitch: number;
}

export interface ViewFilters {
  readonly domain: string | null;
  readonly department: string | null;
  readonly step: string | null;
  readonly areaId: string | null;
  readonly severity: number | null;
}

export interface SharedView {
  readonly camera: CameraView | null;
  /** Exactly the layers shown (null: as the page remembers them). */
  readonly visibleLayers: readonly string[] | null;
  readonly selection: { readonly layerId: string; readonly featureId: string } | null;
  readonly alarmId: string | null;
  readonly filters: ViewFilters;
  readonly language: AppLanguage | null;
  /** The time cursor (ms): the page replays this time; null, live. */
  readonly time: number | null;
  /** The KPI whose features the map shows. */
  readonly kpiId: string | null;
}

/** What a link may name: only these are accepted. */
export interface KnownNames {
  readonly layerIds: readonly string[];
  readonly kpiIds?: readonly string[];
}

export const VIEW_PARAMS = ['cam', 'layers', 'sel', 'alarm', 'domain', 'dept', 'step', 'area', 'sev', 'lang', 't', 'kpi'] as const;
export type ViewParam = (typeof VIEW_PARAMS)[number];

/** A date-time with its offset, as the contract writes them (whether it is in history is checked later). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export function readTimeParam(text: string): number | null {
  const time = ISO_DATE_TIME.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isFinite(time) ? time : null;
}

/** No view value is this long; a longer one is not read at all. */
const MAX_PARAM = 2_000;
const idText = z.string().min(1).max(128).regex(/^[\w.:-]+$/u);

const cameraSchema = z
  .string()
  .transform((text) => text.split(',').map(Number))
  .pipe(
    z.union([
      z.tuple([z.number().min(-180).max(180), z.number().min(-85).max(85), z.number().min(0).max(22)]),
      z.tuple([
        z.number().min(-180).max(180),
        z.number().min(-85).max(85),
        z.number().min(0).max(22),
        z.number().min(-180).max(180),
        z.number().min(0).max(85),
      ]),
    ]),
  );

export interface ReadView {
  readonly view: SharedView;
  /** Parameters that were present but not usable. */
  readonly ignored: readonly ViewParam[];
}

export function readViewLink(search: string, known: KnownNames): ReadView {
  const params = new URLSearchParams(search);
  const ignored: ViewParam[] = [];
  const read = <T>(name: ViewParam, parse: (text: string) => T | null): T | null => {
    const text = params.get(name);
    if (text === null) return null;
    const value = text.length <= MAX_PARAM ? parse(text) : null;
    if (value === null) ignored.push(name);
    return value;
  };
  const id = (text: string) => (idText.safeParse(text).success ? text : null);

  const camera = read('cam', (text) => {
    const parsed = cameraSchema.safeParse(text);
    if (!parsed.success) return null;
    const [lon, lat, zoom, bearing = 0, pitch = 0] = parsed.data;
    return { center: [lon, lat] as const, zoom, bearing, pitch };
  });
  const visibleLayers = read('layers', (text) => {
    if (text === '') return [];
    const ids = text.split(',');
    // Every id must be a layer of this page: a link from another configuration is not half-applied.
    return ids.every((layerId) => known.layerIds.includes(layerId)) ? [...new Set(ids)] : null;
  });
  const selection = read('sel', (text) => {
    const colon = text.indexOf(':');
    const layerId = text.slice(0, colon);
    const featureId = text.slice(colon + 1);
    return colon > 0 && known.layerIds.includes(layerId) && id(featureId) ? { layerId, featureId } : null;
  });
  const steps: readonly string[] = [...LIFECYCLE_STEPS, 'active'];
  const filters: ViewFilters = {
    domain: read('domain', id),
    department: read('dept', id),
    step: read('step', (text) => (steps.includes(text) ? text : null)),
    areaId: read('area', id),
    severity: read('sev', (text) => (/^[123]$/.test(text) ? Number(text) : null)),
  };
  return {
    view: {
      camera,
      visibleLayers,
      selection,
      alarmId: read('alarm', id),
      filters,
      language: read('lang', (text) => (text === 'zh-CN' || text === 'en' ? text : null)),
      time: read('t', readTimeParam),
      kpiId: read('kpi', (text) => ((known.kpiIds ?? []).includes(text) ? text : null)),
    },
    ignored,
  };
}

function round(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** The URL search string for a view, keeping every parameter the view does not own. */
export function writeViewLink(view: SharedView, currentSearch: string): string {
  const params = new URLSearchParams(currentSearch);
  for (const name of VIEW_PARAMS) params.delete(name);
  const set = (name: ViewParam, value: string | null) => {
    if (value !== null) params.set(name, value);
  };
  if (view.camera) {
    const { center, zoom, bearing, pitch } = view.camera;
    const parts = [round(center[0], 6), round(center[1], 6), round(zoom, 2)];
    if (bearing !== 0 || pitch !== 0) parts.push(round(bearing, 1), round(pitch, 1));
    set('cam', parts.join(','));
  }
  set('layers', view.visibleLayers ? view.visibleLayers.join(',') : null);
  set('sel', view.selection ? `${view.selection.layerId}:${view.selection.featureId}` : null);
  set('alarm', view.alarmId);
  set('domain', view.filters.domain);
  set('dept', view.filters.department);
  set('step', view.filters.step);
  set('area', view.filters.areaId);
  set('sev', view.filters.severity === null ? null : String(view.filters.severity));
  set('lang', view.language);
  set('kpi', view.kpiId);
  set('t', view.time === null ? null : new Date(view.time).toISOString().replace('.000Z', 'Z'));
  const text = params.toString();
  return text ? `?${text}` : '';
}
