// @vitest-environment jsdom
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pmtilesRequest } from '../../../src/map/maplibre-setup';
import { ARCHIVE_URL, LAYER, waterArchive, waterTiles } from '../data/sources/fake-tiles';

/** Serves the archive by byte ranges, as a static server does, and counts the requests. */
function serveArchive(bytes: Uint8Array<ArrayBuffer>) {
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    if (String(url) !== ARCHIVE_URL) return new Response(null, { status: 404 });
    const range = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get('range') ?? '');
    const [start, end] = range ? [Number(range[1]), Number(range[2])] : [0, bytes.length - 1];
    return new Response(bytes.slice(start, end + 1), {
      status: 206,
      headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}` },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('pmtilesRequest', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it('answers MapLibre with the archive’s TileJSON, then with its tiles', async () => {
    serveArchive(waterArchive());
    const request = pmtilesRequest();
    const tileJson = await request(
      { url: `pmtiles://${ARCHIVE_URL}`, type: 'json' },
      new AbortController(),
    );
    expect(tileJson.data).toMatchObject({
      tiles: [`pmtiles://${ARCHIVE_URL}/{z}/{x}/{y}`],
      minzoom: 10,
      maxzoom: 14,
    });
    const [expected] = waterTiles().filter((tile) => tile.z === 14);
    const { z, x, y } = expected!;
    const tile = await request(
      { url: `pmtiles://${ARCHIVE_URL}/${z}/${x}/${y}`, type: 'arrayBuffer' },
      new AbortController(),
    );
    // Gzipped in the archive, handed to MapLibre unzipped.
    const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data as ArrayBuffer))).layers[
      LAYER
    ];
    expect(layer?.length).toBeGreaterThan(0);
  });

  it('an archive that cannot be read fails the request, saying why', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(null, { status: 503 })),
    );
    await expect(
      pmtilesRequest()({ url: `pmtiles://${ARCHIVE_URL}`, type: 'json' }, new AbortController()),
    ).rejects.toThrow(/503/);
  });
});
