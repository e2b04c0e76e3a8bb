/**
 * What MapLibre needs before the first map is created, once per page:
 * - its worker, a separate module that bundlers misplace: MapLibre is pointed at the file Vite
 *   emits for it;
 * - the `pmtiles://` protocol, so a style can read vector tiles from a PMTiles archive (a city
 *   whose base map is too big for one GeoJSON answer: see `tiledBasemapStyle`). It is loaded on
 *   the first request, so a page whose style names no archive never downloads it.
 */
import { addProtocol, setWorkerUrl, type AddProtocolAction } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

const PMTILES_PROTOCOL = 'pmtiles';

let done = false;

export function setUpMapLibre(): void {
  if (done) return;
  setWorkerUrl(workerUrl);
  addProtocol(
    PMTILES_PROTOCOL,
    onDemand(() => import('./pmtiles-protocol')),
  );
  done = true;
}

/** The protocol, loaded on its first request (again on the next one, if loading failed). */
export function onDemand(
  load: () => Promise<{ pmtilesProtocol: () => AddProtocolAction }>,
): AddProtocolAction {
  let protocol: Promise<AddProtocolAction> | null = null;
  return async (params, abort) => {
    protocol ??= load().then(
      (module) => module.pmtilesProtocol(),
      (cause: unknown) => {
        // Loaded again on the next request (the network may be back).
        protocol = null;
        throw cause;
      },
    );
    return (await protocol)(params, abort);
  };
}
