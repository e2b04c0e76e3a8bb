/**
 * The REST contract (docs/api/openapi.yaml) served from the simulated city. The same handlers
 * run in the browser's service worker, in node tests and when generating fixtures, so the demo,
 * the tests and the fixtures all see exactly what the contract says.
 */
import { http, type HttpHandler } from 'msw';
import type { CityModel } from '../city/generate-city';
import { hasLiveState, isDatasetId } from '../datasets';
import type { Faults } from '../faults';
import { buildAreas } from '../geojson/areas';
import { buildBasemap } from '../geojson/basemap';
import { buildCatalog } from '../geojson/catalog';
import { datasetFeatures } from '../geojson/dataset-features';
import { liveState } from '../live/live-state';
import { filterByBBox, parseBBoxParam } from './bbox';
import { faultResponse } from './fault-responses';
import type { ResponseShape } from './hostile-bodies';
import { errorResponse, freshJsonResponse, jsonResponse } from './responses';

export interface HandlerOptions {
  /** Absolute base URL of the API, e.g. `http://127.0.0.1:4173/api/v1`. */
  readonly baseUrl: string;
  readonly city: CityModel;
  /** The simulation clock (ms since epoch). */
  readonly now: () => number;
  readonly faults: Faults;
}

export function createHandlers({ baseUrl, city, now, faults }: HandlerOptions): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');

  /** Answers with the fault set on `target`, if any, and otherwise with `answer()`. */
  const serve = async (
    target: string,
    shape: ResponseShape,
    request: Request,
    answer: () => Response,
  ): Promise<Response> => {
    const fault = faults.get(target);
    return fault ? faultResponse(fault, shape, request, city.origin) : answer();
  };
  const unknownDataset = (id: string): Response =>
    errorResponse(404, 'not_found', `unknown dataset "${id.slice(0, 100)}"`);

  return [
    http.get(`${base}/catalog`, ({ request }) =>
      serve('catalog', 'catalog', request, () => freshJsonResponse(buildCatalog(city))),
    ),

    http.get(`${base}/areas`, ({ request }) =>
      serve('areas', 'areas', request, () => jsonResponse(buildAreas(city))),
    ),

    http.get(`${base}/basemap`, ({ request }) =>
      serve('basemap', 'basemap', request, () => jsonResponse(buildBasemap(city))),
    ),

    http.get<{ id: string }>(`${base}/datasets/:id/features`, ({ request, params }) =>
      serve(params.id, 'features', request, () => {
        if (!isDatasetId(params.id)) return unknownDataset(params.id);
        const bbox = parseBBoxParam(new URL(request.url).searchParams.get('bbox'));
        if (!bbox.ok) return errorResponse(400, 'bad_request', bbox.message);
        const collection = datasetFeatures(city, params.id, now());
        return bbox.bbox
          ? freshJsonResponse(filterByBBox(collection, bbox.bbox))
          : jsonResponse(collection);
      }),
    ),

    http.get<{ id: string }>(`${base}/datasets/:id/state`, ({ request, params }) =>
      serve(params.id, 'state', request, () => {
        if (!isDatasetId(params.id)) return unknownDataset(params.id);
        if (!hasLiveState(params.id)) {
          return errorResponse(
            404,
            'no_live_state',
            `dataset "${params.id}" has geometry only; it has no live state`,
          );
        }
        return freshJsonResponse(liveState(city, params.id, now()));
      }),
    ),
  ];
}
