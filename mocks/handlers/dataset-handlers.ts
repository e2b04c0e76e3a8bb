/**
 * `GET /datasets/{id}/features` and `GET /datasets/{id}/state`: geometry (static, or the current
 * set for dynamic datasets such as fire alarms) and live state, now, at a past time (`at`), or
 * only the rows changed since a time (`since`).
 */
import { http, type HttpHandler } from 'msw';
import { hasLiveState, isDatasetId, type LiveDatasetId } from '../datasets';
import { datasetFeatures } from '../geojson/dataset-features';
import { filterByBBox, parseBBoxParam } from './bbox';
import type { HandlerContext } from './handler-context';
import { errorResponse, freshJsonResponse, jsonResponse } from './responses';
import { isDeltaBase, parseAtParam, parseTimeParam } from './time-params';

export function datasetHandlers(context: HandlerContext): HttpHandler[] {
  const { base, world, serve } = context;
  const { simulation, city } = world;
  const unknownDataset = (id: string): Response =>
    errorResponse(404, 'not_found', `unknown dataset "${id.slice(0, 100)}"`);

  return [
    http.get<{ id: string }>(`${base}/datasets/:id/features`, ({ request, params }) =>
      serve(params.id, 'features', request, () => {
        if (!isDatasetId(params.id)) return unknownDataset(params.id);
        const search = new URL(request.url).searchParams;
        const bbox = parseBBoxParam(search.get('bbox'));
        if (!bbox.ok) return errorResponse(400, 'bad_request', bbox.message);
        const at = parseAtParam(search.get('at'), simulation.now());
        if (!at.ok) return errorResponse(400, 'bad_request', at.message);
        // Static geometry is built once per city; the features of dynamic datasets at the time.
        const collection = simulation.dynamicDatasetIds.includes(params.id)
          ? simulation.features(params.id, at.time ?? simulation.now())
          : datasetFeatures(city, params.id, simulation.now());
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
        const id: LiveDatasetId = params.id;
        const search = new URL(request.url).searchParams;
        const now = simulation.now();
        const at = parseAtParam(search.get('at'), now);
        if (!at.ok) return errorResponse(400, 'bad_request', at.message);
        const since = parseTimeParam('since', search.get('since'));
        if (!since.ok) return errorResponse(400, 'bad_request', since.message);
        const time = at.time ?? now;
        if (since.time !== null && isDeltaBase(since.time, time))
          return freshJsonResponse(simulation.delta(id, since.time, time));
        return freshJsonResponse(simulation.liveState(id, time));
      }),
    ),
  ];
}
