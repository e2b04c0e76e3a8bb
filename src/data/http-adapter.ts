/**
 * The adapter for the project's own REST contract (docs/api/openapi.yaml). In development and in
 * the demo it talks to the MSW handlers in mocks/, so the demo runs the production code path.
 */
import type { DataAdapter, Fetched, LiveStateWatch } from './adapter';
import { alarmConflictSchema, alarmListSchema, alarmSchema } from './alarm-schemas';
import { AdapterError, isAdapterError } from './errors';
import { featureTableOf } from './feature-table';
import { requestJson, type FetchLike } from './http-client';
import { createLiveStateDecoder, type LiveStateDecoder } from './live-state-decoder';
import { openLiveStream } from './live-stream';
import { createPushedStates } from './pushed-states';
import {
  areasSchema,
  basemapSchema,
  catalogSchema,
  clockSchema,
  featureCollectionSchema,
  liveStateSchema,
  scenarioRunSchema,
  scenariosSchema,
} from './schemas';

export interface HttpAdapterOptions {
  /** Absolute base URL of the API, e.g. `https://city.example/api/v1`. */
  baseUrl: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  headers?: Record<string, string>;
  now?: () => number;
  /** The backend is a demo backend with a clock and scenarios (the embedded or standalone mock). */
  demoControls?: boolean;
  /** Where live state responses are decoded (default: a worker where the page has them). */
  liveStateDecoder?: LiveStateDecoder;
  /** Read live state from the source's event stream (`GET /stream`) while one is watched. */
  liveStream?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** A query string from the parameters that are set (`?a=1&b=2`, or empty). */
function searchOf(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function createHttpAdapter(options: HttpAdapterOptions): DataAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  const common = {
    fetch: fetchImpl,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(options.headers ? { headers: options.headers } : {}),
  };

  // Created on the first live state read: a page that never reads any starts no worker.
  let decoder = options.liveStateDecoder ?? null;
  const liveStateDecoder = () => (decoder ??= createLiveStateDecoder());

  /** Live state pushed by the stream, by dataset, while it is being watched. */
  let onOverdue: (datasetId: string) => void = () => undefined;
  const pushed = createPushedStates(now, (datasetId) => onOverdue(datasetId));

  function watchLiveState(datasetIds: readonly string[], watch: LiveStateWatch): () => void {
    const ids = [...new Set(datasetIds)];
    onOverdue = (datasetId) => watch.onOverdue?.(datasetId);
    const close = openLiveStream({
      url: `${base}/stream?datasets=${ids.map(encodeURIComponent).join(',')}`,
      fetch: fetchImpl,
      ...(options.headers ? { headers: options.headers } : {}),
      decoder: liveStateDecoder(),
      datasets: ids,
      now,
      onBatch(batch) {
        for (const update of batch.updates) {
          const state = { data: update.readings, fetchedAt: now() };
          pushed.put(update.dataset, state, update.nextDueMs);
          watch.onState(update.dataset, state);
        }
        watch.onBatch?.(batch);
      },
      onStatus(status) {
        // A stream down may not come back soon: what it pushed answers reads only a while longer.
        if (status.kind === 'down' || status.kind === 'unavailable') pushed.expireSoon();
        watch.onStatus?.(status);
      },
    });
    return () => {
      close();
      onOverdue = () => undefined;
      for (const id of ids) pushed.delete(id);
    };
  }

  async function fetched<T>(promise: Promise<T>): Promise<Fetched<T>> {
    const data = await promise;
    return { data, fetchedAt: now() };
  }

  const datasetUrl = (id: string, tail: string) =>
    `${base}/datasets/${encodeURIComponent(id)}/${tail}`;

  return {
    id: `http:${base}`,
    capabilities: {
      liveState: true,
      geometryByBbox: true,
      areas: true,
      basemap: true,
      demoControls: options.demoControls ?? false,
      alarms: true,
      liveStream: options.liveStream ?? false,
      featureById: false,
    },
    getCatalog: ({ signal } = {}) =>
      fetched(
        requestJson({
          ...common,
          url: `${base}/catalog`,
          schema: catalogSchema,
          resource: 'catalog',
          signal,
        }),
      ),
    getGeometry: (datasetId, query = {}, { signal } = {}) => {
      const search = searchOf({ bbox: query.bbox?.join(','), at: query.at });
      return fetched(
        requestJson({
          ...common,
          url: datasetUrl(datasetId, `features${search}`),
          schema: featureCollectionSchema,
          resource: datasetId,
          signal,
          decode: async (bytes) => {
            const decoded = await liveStateDecoder().decodeGeometry(bytes);
            return decoded.ok ? { ok: true, value: featureTableOf(decoded.value) } : decoded;
          },
        }),
      );
    },
    ...(options.liveStream ? { watchLiveState } : {}),
    // The REST contract has no single feature: the details come from the dataset's features.
    getFeature: (datasetId) =>
      Promise.reject(
        new AdapterError(
          'unsupported',
          `${datasetId}: no single feature read in the REST contract`,
          {
            resource: datasetId,
          },
        ),
      ),
    getLiveState: async (datasetId, query = {}, { signal } = {}) =>
      (query.at === undefined ? pushed.get(datasetId) : null) ??
      fetched(
        requestJson({
          ...common,
          url: datasetUrl(datasetId, `state${searchOf({ at: query.at })}`),
          schema: liveStateSchema,
          resource: datasetId,
          signal,
          decode: (bytes) => liveStateDecoder().decode(datasetId, bytes),
        }),
      ),
    getAreas: ({ signal } = {}) =>
      fetched(
        requestJson({
          ...common,
          url: `${base}/areas`,
          schema: areasSchema,
          resource: 'areas',
          signal,
        }),
      ),
    getBasemap: ({ signal } = {}) =>
      fetched(
        requestJson({
          ...common,
          url: `${base}/basemap`,
          schema: basemapSchema,
          resource: 'basemap',
          signal,
        }),
      ),
    getAlarms: (query = {}, { signal } = {}) => {
      return fetched(
        requestJson({
          ...common,
          url: `${base}/alarms${searchOf({ at: query.at })}`,
          schema: alarmListSchema,
          resource: 'alarms',
          signal,
        }),
      );
    },
    actOnAlarm: async (alarmId, action, { signal } = {}) => {
      try {
        const alarm = await requestJson({
          ...common,
          url: `${base}/alarms/${encodeURIComponent(alarmId)}/actions`,
          schema: alarmSchema,
          resource: 'alarms',
          signal,
          body: action,
        });
        return { kind: 'applied', alarm };
      } catch (error) {
        if (isAdapterError(error) && error.status === 409) {
          const conflict = alarmConflictSchema.safeParse(error.body);
          if (conflict.success) {
            return {
              kind: 'conflict',
              message: conflict.data.error.message,
              alarm: conflict.data.alarm,
            };
          }
        }
        throw error;
      }
    },
    getClock: ({ signal } = {}) =>
      fetched(
        requestJson({
          ...common,
          url: `${base}/clock`,
          schema: clockSchema,
          resource: 'clock',
          signal,
        }),
      ),
    controlClock: (action, { signal } = {}) =>
      requestJson({
        ...common,
        url: `${base}/clock`,
        schema: clockSchema,
        resource: 'clock',
        signal,
        body: action,
      }),
    getScenarios: ({ signal } = {}) =>
      fetched(
        requestJson({
          ...common,
          url: `${base}/scenarios`,
          schema: scenariosSchema,
          resource: 'scenarios',
          signal,
        }),
      ),
    triggerScenario: (scenarioId, at, { signal } = {}) =>
      requestJson({
        ...common,
        url: `${base}/scenarios/${encodeURIComponent(scenarioId)}/runs`,
        schema: scenarioRunSchema,
        resource: 'scenarios',
        signal,
        body: at ? { at } : {},
      }),
  };
}
