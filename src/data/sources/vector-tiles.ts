/**
 * Geometry as vector tiles (MVT), for static datasets too large to load whole: from one PMTiles
 * archive read by byte ranges, or from an XYZ tile server by URL template. A read loads no
 * features; it hands the map a `TiledFeatures` that fetches and decodes one tile at a time, each
 * in the layer's terms (ids and fields mapped as configured, checked against the contract).
 *
 * A read first proves the source works, so that a wrong URL, a file that is not what it should be,
 * an unknown layer name or a wrong field mapping is an error on the layer at once rather than a
 * map that stays empty: the archive's header is read (PMTiles), then one tile, the one holding the
 * centre of the area asked for, and its features are checked against the mapping.
 *
 * Nothing big is kept here: PMTiles keeps the archive's header and directories, and the map keeps
 * the tiles it has drawn.
 */
import { Compression, PMTiles, TileType, type Header } from 'pmtiles';
import type { TiledFeatures } from '../adapter';
import { bboxesIntersect } from '../bbox';
import { AdapterError, isAdapterError } from '../errors';
import { featureTable, featureTableOf, type FeatureTable } from '../feature-table';
import { requestBytes, type BytesAnswer } from '../http-client';
import type { BBox } from '../schemas';
import { tileDecoder } from '../vector-tile-decoder';
import { noSuchLayer, type TileAddress } from '../vector-tile-decoding';
import { tileAt, tileExtent } from '../web-mercator-tiles';
import type { GeometryReader, SourceRequestOptions } from './ogc-api-features';
import { pmtilesRangeSource } from './pmtiles-range-source';
import type { MvtSource, PmtilesSource } from './source-config';

type TiledSource = PmtilesSource | MvtSource;

/** The zooms and extent a source has tiles for. */
interface TileRange {
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly bounds: BBox | null;
}

/** One tile's bytes as the source sends them; null where it has no such tile. */
type TileBytes = (address: TileAddress, signal?: AbortSignal) => Promise<Uint8Array | null>;

/** The zoom a read's probe tile is taken at, where the source has it: a street-level tile. */
const PROBE_ZOOM = 13;

/** Statuses with which an XYZ tile server says it has no such tile (no features there). */
const NO_TILE = [404, 204];

const MVT_ACCEPT = 'application/vnd.mapbox-vector-tile, application/x-protobuf;q=0.9, */*;q=0.8';

/** Metadata larger than this is not read for its layer names (the probe tile checks them too). */
const MAX_METADATA_BYTES = 1 << 20;

export function pmtilesReader(
  resource: string,
  source: PmtilesSource,
  request: SourceRequestOptions,
): GeometryReader {
  const rangeSource = pmtilesRangeSource({
    url: source.url,
    resource,
    fetch: request.fetch,
    timeoutMs: request.timeoutMs,
    ...(source.headers ? { headers: source.headers } : {}),
  });

  // PMTiles keeps failed reads of the header and directories: after a failure it starts afresh.
  let archive: PMTiles | null = null;
  const current = () => (archive ??= new PMTiles(rangeSource));
  const forget = (failed: PMTiles) => {
    if (archive === failed) archive = null;
  };
  // The layer names in the archive's metadata, once read (a few names, kept per archive).
  let layerNames: { readonly of: PMTiles; readonly names: Promise<string[] | null> } | null = null;

  const bytesOf: TileBytes = async ({ z, x, y }, signal) => {
    const reading = current();
    try {
      const tile = await untilAborted(reading.getZxy(z, x, y, signal), signal);
      return tile ? new Uint8Array(tile.data) : null;
    } catch (error) {
      if (!signal?.aborted) forget(reading);
      throw asAdapterError(error, resource, `tile ${z}/${x}/${y}: cannot be read`, signal);
    }
  };

  async function header(signal?: AbortSignal): Promise<Header> {
    const reading = current();
    let read: Header;
    try {
      read = await untilAborted(reading.getHeader(), signal);
    } catch (error) {
      if (!signal?.aborted) forget(reading);
      throw asAdapterError(error, resource, 'url: not a PMTiles archive', signal);
    }
    if (read.tileType !== TileType.Mvt)
      throw invalid(
        resource,
        `url: the archive holds ${(TileType[read.tileType] ?? 'unknown').toLowerCase()} tiles, not vector tiles (MVT)`,
      );
    if (![Compression.None, Compression.Unknown, Compression.Gzip].includes(read.tileCompression))
      throw invalid(
        resource,
        `url: the archive's tiles are compressed with ${Compression[read.tileCompression] ?? 'an unknown method'}, which cannot be read here (gzip or none can)`,
      );
    return read;
  }

  /** The archive's layer names, where its metadata lists them (`vector_layers`). */
  function namesOf(reading: PMTiles, read: Header): Promise<string[] | null> {
    if (layerNames?.of !== reading) {
      const names =
        read.jsonMetadataLength > 0 && read.jsonMetadataLength <= MAX_METADATA_BYTES
          ? reading.getMetadata().then(vectorLayerNames, (error: unknown) => {
              // Metadata that cannot be read says nothing; the probe tile still shows the layers.
              if (isAdapterError(error)) throw error;
              return null;
            })
          : Promise.resolve(null);
      layerNames = { of: reading, names };
      names.catch(() => {
        if (layerNames?.names === names) layerNames = null;
      });
    }
    return layerNames.names;
  }

  return {
    async read(query, { signal } = {}) {
      const read = await header(signal);
      let names: string[] | null;
      try {
        names = await untilAborted(namesOf(current(), read), signal);
      } catch (error) {
        throw asAdapterError(error, resource, 'metadata: cannot be read', signal);
      }
      if (names && !names.includes(source.sourceLayer))
        throw invalid(resource, noSuchLayer(source.sourceLayer, names));
      const tiles = tiledFeatures(
        resource,
        source,
        { minZoom: read.minZoom, maxZoom: read.maxZoom, bounds: headerBounds(read) },
        bytesOf,
      );
      const probe = probeTile(tiles, query.bbox);
      if (probe) await decodeTile(await bytesOf(probe, signal), probe, source, resource, true);
      return { data: featureTable([]), fetchedAt: request.now(), tiles };
    },
  };
}

export function mvtReader(
  resource: string,
  source: MvtSource,
  request: SourceRequestOptions,
): GeometryReader {
  const fetchTile = ({ z, x, y }: TileAddress, signal?: AbortSignal): Promise<BytesAnswer> =>
    requestBytes({
      url: source.url
        .replaceAll('{z}', String(z))
        .replaceAll('{x}', String(x))
        .replaceAll('{y}', String(y)),
      resource,
      fetch: request.fetch,
      timeoutMs: request.timeoutMs,
      headers: { Accept: MVT_ACCEPT, ...source.headers },
      ...(signal ? { signal } : {}),
      answerStatuses: NO_TILE,
    });
  const bytesOf: TileBytes = async (address, signal) => {
    const answer = await fetchTile(address, signal);
    return NO_TILE.includes(answer.status) ? null : answer.bytes;
  };
  const range: TileRange = {
    minZoom: source.minZoom,
    maxZoom: source.maxZoom,
    bounds: source.bounds ?? null,
  };

  return {
    async read(query, { signal } = {}) {
      const tiles = tiledFeatures(resource, source, range, bytesOf);
      const probe = probeTile(tiles, query.bbox);
      if (probe) {
        let found = await fetchTile(probe, signal);
        let at = probe;
        // A 404 is also what a wrong URL gets: the tile over the same place at the least zoom
        // holds whatever the source has there, and a source with data has that one.
        if (found.status === 404 && probe.z > range.minZoom) {
          at = tileHolding(centreOf(tileExtent(probe.z, probe.x, probe.y)), range.minZoom);
          found = await fetchTile(at, signal);
        }
        if (found.status === 404)
          throw invalid(
            resource,
            `url: no tile at ${address(probe)}${at === probe ? '' : ` nor at ${address(at)}`} (HTTP 404): check the URL template and minZoom`,
          );
        await decodeTile(
          NO_TILE.includes(found.status) ? null : found.bytes,
          at,
          source,
          resource,
          true,
        );
      }
      return { data: featureTable([]), fetchedAt: request.now(), tiles };
    },
  };
}

function tiledFeatures(
  resource: string,
  source: TiledSource,
  range: TileRange,
  bytesOf: TileBytes,
): TiledFeatures {
  return {
    ...range,
    async tile(z, x, y, { signal } = {}) {
      const at = { z, x, y };
      if (!covers(range, at)) return featureTable([]);
      return decodeTile(await bytesOf(at, signal), at, source, resource, false);
    },
  };
}

/** Whether the source may have this tile: a real tile, within its zooms and its extent. */
function covers(range: TileRange, at: TileAddress): boolean {
  const { z, x, y } = at;
  if (!Number.isInteger(z) || z < range.minZoom || z > range.maxZoom) return false;
  const n = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n)
    return false;
  return range.bounds === null || bboxesIntersect(tileExtent(z, x, y), range.bounds);
}

/**
 * The tile a read checks: at a street-level zoom the source has, holding the centre of the area
 * asked for within the source's extent (of its extent where they do not meet); null when the
 * source has no such tile, or when neither the area nor the extent is known.
 */
function probeTile(range: TileRange, bbox: BBox | undefined): TileAddress | null {
  const { bounds } = range;
  // Without an area, the tile at the middle of the world would prove nothing.
  let area = bbox ?? bounds;
  if (!area) return null;
  if (bounds)
    area = bboxesIntersect(area, bounds)
      ? [
          Math.max(area[0], bounds[0]),
          Math.max(area[1], bounds[1]),
          Math.min(area[2], bounds[2]),
          Math.min(area[3], bounds[3]),
        ]
      : bounds;
  const z = Math.min(range.maxZoom, Math.max(range.minZoom, PROBE_ZOOM));
  const at = tileHolding(centreOf(area), z);
  return covers(range, at) ? at : null;
}

/**
 * One tile's features in the layer's terms, decoded off the main thread where the page can
 * (vector-tile-decoder.ts). With `check` (the probe), the mapping is checked against them first,
 * so that a wrong one is reported as such.
 */
async function decodeTile(
  bytes: Uint8Array | null,
  at: TileAddress,
  source: TiledSource,
  resource: string,
  check: boolean,
): Promise<FeatureTable> {
  if (bytes === null || bytes.length === 0) return featureTable([]);
  const decoded = await tileDecoder()({
    bytes,
    at,
    sourceLayer: source.sourceLayer,
    mapping: { idProperty: source.idProperty, fields: source.fields },
    resource,
    check,
  });
  if (!decoded.ok) throw new AdapterError('invalid-response', decoded.message, { resource });
  return featureTableOf(decoded.geometry);
}

/** The tile at zoom z holding a place. */
function tileHolding([longitude, latitude]: readonly [number, number], z: number): TileAddress {
  const [x, y] = tileAt(longitude, latitude, z);
  return { z, x, y };
}

function centreOf([west, south, east, north]: BBox): [number, number] {
  return [(west + east) / 2, (south + north) / 2];
}

function address({ z, x, y }: TileAddress): string {
  return `${z}/${x}/${y}`;
}

/** The archive's extent from its header; null where it gives none that holds. */
function headerBounds(header: Header): BBox | null {
  const { minLon, minLat, maxLon, maxLat } = header;
  const holds =
    [minLon, minLat, maxLon, maxLat].every(Number.isFinite) &&
    minLon >= -180 &&
    maxLon <= 180 &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLon < maxLon &&
    minLat < maxLat;
  return holds ? [minLon, minLat, maxLon, maxLat] : null;
}

/** The layer names a TileJSON-style `vector_layers` lists; null where there is no such list. */
function vectorLayerNames(metadata: unknown): string[] | null {
  if (!metadata || typeof metadata !== 'object' || !('vector_layers' in metadata)) return null;
  const layers = metadata.vector_layers;
  if (!Array.isArray(layers)) return null;
  const names = layers.flatMap((layer: unknown) =>
    layer && typeof layer === 'object' && 'id' in layer && typeof layer.id === 'string'
      ? [layer.id]
      : [],
  );
  return names.length > 0 ? names : null;
}

function invalid(resource: string, problem: string): AdapterError {
  return new AdapterError('invalid-response', `${resource}: ${problem}`, { resource });
}

/**
 * The work, or the abort when the caller gives up first: PMTiles shares reads of the header and
 * directories between tiles, and does not stop them for one caller.
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason as Error);
    if (signal.aborted) stop();
    signal.addEventListener('abort', stop, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/**
 * A failure as an AdapterError: the caller's abort as such, a request's as it is, a decoder's
 * with what was being read.
 */
function asAdapterError(
  error: unknown,
  resource: string,
  reading: string,
  signal?: AbortSignal,
): AdapterError {
  if (isAdapterError(error) && (error.kind === 'aborted' || !signal?.aborted)) return error;
  if (signal?.aborted)
    return new AdapterError('aborted', `request for ${resource} was cancelled`, {
      resource,
      cause: error,
    });
  const detail = error instanceof Error ? error.message : String(error);
  return new AdapterError('invalid-response', `${resource}: ${reading} (${detail.slice(0, 200)})`, {
    resource,
    cause: error,
  });
}
