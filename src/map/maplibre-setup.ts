/**
 * What MapLibre needs before the first map is created, once per page:
 * - its worker, a separate module that bundlers misplace: MapLibre is pointed at the file Vite
 *   emits for it;
 * - the `pmtiles://` protocol, so a style can read vector tiles from a PMTiles archive (a city
 *   whose base map is too big for one GeoJSON answer: see `tiledBasemapStyle`). The library is
 *   loaded on the first tile asked for, so a page whose style names no archive never downloads it.
 */
import { addProtocol, setWorkerUrl, type AddProtocolAction } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Protocol } from 'pmtiles';

export const PMTILES_PROTOCOL = 'pmtiles';

let done = false;

export function setUpMapLibre(): void {
  if (done) return;
  setWorkerUrl(workerUrl);
  addProtocol(PMTILES_PROTOCOL, pmtilesRequest());
  done = true;
}

/** Answers MapLibre's `pmtiles://` requests (an archive's TileJSON, then its tiles). */
export function pmtilesRequest(): AddProtocolAction {
  let protocol: Promise<Protocol> | null = null;
  return async (params, abort) => {
    protocol ??= import('pmtiles').then(
      (module) => new module.Protocol(),
      (cause: unknown) => {
        // Loaded again on the next request (the network may be back).
        protocol = null;
        throw cause;
      },
    );
    // Its TileJSON answer is typed `unknown`; it is the object MapLibre asks for.
    return (await protocol).tilev4(params, abort) as ReturnType<AddProtocolAction>;
  };
}
