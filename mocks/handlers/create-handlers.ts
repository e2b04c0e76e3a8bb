/**
 * The REST contract (docs/api/openapi.yaml) served from the simulated city. The same handlers
 * run in the browser's service worker, in node tests, in the standalone server and when
 * generating fixtures, so the demo, the tests and the fixtures all see exactly what the contract
 * says.
 */
import { http, type HttpHandler } from 'msw';
import type { CityModel } from '../city/generate-city';
import type { Faults } from '../faults';
import { buildAreas } from '../geojson/areas';
import { buildBasemap } from '../geojson/basemap';
import { buildCatalog } from '../geojson/catalog';
import { createWorld, type World } from '../sim/engine/world';
import { alarmHandlers } from './alarm-handlers';
import { clockHandlers } from './clock-handlers';
import { datasetHandlers } from './dataset-handlers';
import { createHandlerContext } from './handler-context';
import { freshJsonResponse, jsonResponse } from './responses';
import { scenarioHandlers } from './scenario-handlers';
import { streamHandler, type StreamOptions } from './stream-handler';

export interface HandlerOptions {
  /** Absolute base URL of the API, e.g. `http://127.0.0.1:4173/api/v1`. */
  readonly baseUrl: string;
  readonly city: CityModel;
  /** Wall time (ms since epoch); the world's clock runs from it (simulated time when live). */
  readonly now: () => number;
  readonly faults: Faults;
  /** The world to serve; by default a fresh one on `city` with its clock on `now`. */
  readonly world?: World;
  /** Clock control and scenario triggers are open (the demo backend); default true. */
  readonly demo?: boolean;
  readonly stream?: StreamOptions;
}

export function createHandlers(options: HandlerOptions): HttpHandler[] {
  const { baseUrl, now, faults } = options;
  const city = options.world?.city ?? options.city;
  const base = baseUrl.replace(/\/+$/, '');
  const world =
    options.world ?? createWorld({ seed: city.seed, scale: city.scale, city, wallNow: now });
  const context = createHandlerContext(base, world, faults, options.demo ?? true);
  const { serve } = context;

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

    ...datasetHandlers(context),
    ...alarmHandlers(context),
    ...clockHandlers(context),
    ...scenarioHandlers(context),
    streamHandler(context, options.stream),
  ];
}
