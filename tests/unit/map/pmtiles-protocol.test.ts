// @vitest-environment jsdom
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it, vi } from 'vitest';
import type { AddProtocolAction } from 'maplibre-gl';
import { onDemand } from '../../../src/map/maplibre-setup';
import { archiveUrlOf, pmtilesProtocol } from '../../../src/map/pmtiles-protocol';
import { ARCHIVE_URL, LAYER, waterArchive, waterTiles } from '../data/sources/fake-tiles';

/** Serves the archive by byte ranges, as a static server does. */
async function rangeOf(bytes: Uint8Array<ArrayBuffer>, init?: RequestInit): Promise<Response> {
  const range = /bytes=(\d+)-(\d+)/.exec(new Headers(init?.headers).get('range') ?? '');
  const [start, end] = range ? [Number(range[1]), Number(range[2])] : [0, bytes.length - 1];
  return new Response(bytes.slice(start, end + 1), {
    status: 206,
    headers: { 'content-range': `bytes ${start}-${end}/${bytes.length}` },
  });
}

const tileJsonRequest = { url: `pmtiles://${ARCHIVE_URL}`, type: 'json' as const };
const ask = (request: AddProtocolAction, params: Parameters<AddProtocolAction>[0]) =>
  request(params, new AbortController());

describe('pmtilesProtocol', () => {
  it('answers MapLibre with the archive’s TileJSON, then with its tiles', async () => {
    const archive = waterArchive();
    const request = pmtilesProtocol(async (_url, init) => rangeOf(archive, init));
    expect((await ask(request, tileJsonRequest)).data).toMatchObject({
      tiles: [`pmtiles://${ARCHIVE_URL}/{z}/{x}/{y}`],
      minzoom: 10,
      maxzoom: 14,
    });
    const [expected] = waterTiles().filter((tile) => tile.z === 14);
    const { z, x, y } = expected!;
    const tile = await ask(request, {
      url: `pmtiles://${ARCHIVE_URL}/${z}/${x}/${y}`,
      type: 'arrayBuffer',
    });
    // Gzipped in the archive, handed to MapLibre unzipped.
    const tiled = new VectorTile(new PbfReader(new Uint8Array(tile.data as ArrayBuffer)));
    expect(tiled.layers[LAYER]?.length).toBeGreaterThan(0);
  });

  it('a server that fails says which file and why, and the archive is read afresh after it', async () => {
    const archive = waterArchive();
    let up = false;
    const fetch = vi.fn(async (_url: string, init?: RequestInit) =>
      up ? rangeOf(archive, init) : new Response(null, { status: 503 }),
    );
    const request = pmtilesProtocol(fetch);
    await expect(ask(request, tileJsonRequest)).rejects.toThrow(`${ARCHIVE_URL}: HTTP 503`);
    up = true;
    await expect(ask(request, tileJsonRequest)).resolves.toMatchObject({ data: { maxzoom: 14 } });
  });

  it('a server that does not answer fails the request within the timeout', async () => {
    // As a browser's fetch does: nothing until its signal aborts it.
    const never = (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const request = pmtilesProtocol(never, 50);
    await expect(ask(request, tileJsonRequest)).rejects.toThrow(/no answer within/);
  });

  it('finds the archive of a TileJSON request and of a tile request', () => {
    expect(archiveUrlOf(`pmtiles://${ARCHIVE_URL}`)).toBe(ARCHIVE_URL);
    expect(archiveUrlOf(`pmtiles://${ARCHIVE_URL}/14/13718/6693`)).toBe(ARCHIVE_URL);
  });
});

describe('onDemand', () => {
  it('loads the protocol on the first request, once, and again after a failed load', async () => {
    const answer = vi.fn(async () => ({ data: {} }));
    const load = vi
      .fn()
      .mockRejectedValueOnce(new Error('chunk did not load'))
      .mockResolvedValue({ pmtilesProtocol: () => answer });
    const request = onDemand(load);
    expect(load).not.toHaveBeenCalled();
    await expect(ask(request, tileJsonRequest)).rejects.toThrow('chunk did not load');
    await ask(request, tileJsonRequest);
    await ask(request, tileJsonRequest);
    expect(load).toHaveBeenCalledTimes(2);
    expect(answer).toHaveBeenCalledTimes(2);
  });
});
