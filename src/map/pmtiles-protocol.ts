/**
 * MapLibre's `pmtiles://` protocol (a style's vector source whose `url` is `pmtiles://` and an
 * archive's absolute URL): the archive's TileJSON, then its tiles, read by byte ranges with the
 * project's HTTP client, so a slow or absent server fails within the request timeout and says
 * which file and why. Loaded on the first request (maplibre-setup.ts).
 */
import type { AddProtocolAction } from 'maplibre-gl';
import { PMTiles, Protocol } from 'pmtiles';
import { DEFAULT_TIMEOUT_MS } from '../data/http-adapter';
import type { FetchLike } from '../data/http-client';
import { pmtilesRangeSource } from '../data/sources/pmtiles-range-source';

const SCHEME = 'pmtiles://';
/** A tile's URL: the archive's, then `/z/x/y`. */
const TILE_URL = /^pmtiles:\/\/(.+)\/(\d+)\/(\d+)\/(\d+)$/u;

/** The archive a `pmtiles://` request is for. */
export function archiveUrlOf(requestUrl: string): string {
  return TILE_URL.exec(requestUrl)?.[1] ?? requestUrl.slice(SCHEME.length);
}

export function pmtilesProtocol(
  fetch: FetchLike = (input, init) => globalThis.fetch(input, init),
  timeoutMs = DEFAULT_TIMEOUT_MS,
): AddProtocolAction {
  const protocol = new Protocol();
  return async (params, abort) => {
    const url = archiveUrlOf(params.url);
    let archive = protocol.get(url);
    if (!archive) {
      archive = new PMTiles(pmtilesRangeSource({ url, resource: url, fetch, timeoutMs }));
      protocol.add(archive);
    }
    try {
      // Its TileJSON answer is typed `unknown`; it is the object MapLibre asks for.
      return (await protocol.tilev4(params, abort)) as Awaited<ReturnType<AddProtocolAction>>;
    } catch (error) {
      // PMTiles keeps failed reads of the header and directories: after a failure (other than a
      // tile MapLibre no longer wants) the archive is read afresh, so a server that comes back
      // serves the next tile asked for.
      if (!abort.signal.aborted && protocol.get(url) === archive) protocol.tiles.delete(url);
      throw error;
    }
  };
}
