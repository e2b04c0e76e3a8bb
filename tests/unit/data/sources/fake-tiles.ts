/**
 * A few water mains and valves cut into vector tiles with the project's own tiler, as a PMTiles
 * archive and as single tiles, served by fake servers that record what was asked.
 */
import { gzipSync } from 'node:zlib';
import {
  Compression,
  TileType,
  writePmtiles,
  type ArchiveTile,
} from '../../../../scripts/pmtiles/pmtiles-writer';
import { vectorTiles } from '../../../../scripts/pmtiles/vector-tiles';
import type { FetchLike } from '../../../../src/data/http-client';
import type { Feature } from '../../../../src/data/schemas';

export const LAYER = 'water.mains';
export const ARCHIVE_URL = 'https://tiles.example/water-mains.pmtiles';
export const TEMPLATE = 'https://tiles.example/water-mains/{z}/{x}/{y}.pbf';
export const MIN_ZOOM = 10;
export const MAX_ZOOM = 14;
export const BOUNDS = [121.39, 31.19, 121.47, 31.22] as const;

const name = (zh: string, en: string) => ({ zh, en });

/** A long main across several z14 tiles, a short one, and two valves. */
export const FEATURES: Feature[] = [
  {
    type: 'Feature',
    id: 'main-1',
    geometry: {
      type: 'LineString',
      coordinates: [
        [121.4, 31.205],
        [121.43, 31.206],
        [121.46, 31.205],
      ],
    },
    properties: { name: name('一号干管', 'Main 1'), diameterMm: 600 },
  },
  {
    type: 'Feature',
    id: 'main-2',
    geometry: {
      type: 'LineString',
      coordinates: [
        [121.402, 31.21],
        [121.403, 31.211],
      ],
    },
    properties: { name: name('二号干管', 'Main 2'), diameterMm: 300 },
  },
  {
    type: 'Feature',
    id: 'valve-1',
    geometry: { type: 'Point', coordinates: [121.4031, 31.2079] },
    properties: { name: name('一号阀', 'Valve 1'), diameterMm: 600 },
  },
  {
    type: 'Feature',
    id: 'valve-2',
    geometry: { type: 'Point', coordinates: [121.4562, 31.2153] },
    properties: { name: name('二号阀', 'Valve 2'), diameterMm: 300 },
  },
];

/** The tiles, their bytes as vt-pbf writes them (not gzipped). */
export function waterTiles(): ArchiveTile[] {
  return vectorTiles(FEATURES, BOUNDS, { layer: LAYER, minZoom: MIN_ZOOM, maxZoom: MAX_ZOOM });
}

export function waterArchive(
  options: { metadata?: Record<string, unknown>; tileType?: TileType } = {},
): Uint8Array<ArrayBuffer> {
  const tiles = waterTiles().map((tile) => ({ ...tile, data: gzipSync(tile.data) }));
  return Uint8Array.from(
    writePmtiles(tiles, {
      tileType: options.tileType ?? TileType.Mvt,
      tileCompression: Compression.Gzip,
      bounds: BOUNDS,
      metadata: options.metadata ?? { vector_layers: [{ id: LAYER, fields: { id: 'String' } }] },
    }),
  );
}

export interface SeenRequest {
  readonly url: string;
  readonly headers: Headers;
}

/** Serves `bytes` at ARCHIVE_URL by byte ranges (206), or whole (200) when it ignores Range. */
export function archiveServer(bytes: Uint8Array<ArrayBuffer>, options: { ranges?: boolean } = {}) {
  const requests: SeenRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const headers = new Headers(init?.headers);
    requests.push({ url, headers });
    if (url !== ARCHIVE_URL) return new Response('no such file', { status: 404 });
    const range = /^bytes=(\d+)-(\d+)$/u.exec(headers.get('Range') ?? '');
    if (options.ranges === false || !range) return new Response(bytes.slice(), { status: 200 });
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), bytes.length - 1);
    return new Response(bytes.slice(start, end + 1), {
      status: 206,
      headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}` },
    });
  };
  return { fetch, requests };
}

/** Serves the tiles by TEMPLATE (gzipped as files on disk are, when asked), 404 for the others. */
export function tileServer(options: { gzip?: boolean; missing?: number } = {}) {
  const tiles = new Map(
    waterTiles().map((tile) => [
      `${tile.z}/${tile.x}/${tile.y}`,
      options.gzip ? gzipSync(tile.data) : tile.data,
    ]),
  );
  const requests: SeenRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, headers: new Headers(init?.headers) });
    const match = /^https:\/\/tiles\.example\/water-mains\/(\d+\/\d+\/\d+)\.pbf$/u.exec(url);
    const tile = match ? tiles.get(match[1]!) : undefined;
    if (!tile) return new Response(null, { status: options.missing ?? 404 });
    return new Response(Uint8Array.from(tile), {
      headers: { 'Content-Type': 'application/x-protobuf' },
    });
  };
  return { fetch, requests };
}
