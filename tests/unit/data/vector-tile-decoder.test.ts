import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { featureTableOf } from '../../../src/data/feature-table';
import {
  workerTileDecoder,
  type FromTileWorker,
  type ToTileWorker,
} from '../../../src/data/vector-tile-decoder';
import { decodeVectorTile, type TileToDecode } from '../../../src/data/vector-tile-decoding';
import { LAYER, waterTiles } from './sources/fake-tiles';

const [first] = waterTiles().filter((tile) => tile.z === 14);
const tile = (overrides: Partial<TileToDecode> = {}): TileToDecode => ({
  bytes: first!.data,
  at: { z: first!.z, x: first!.x, y: first!.y },
  sourceLayer: LAYER,
  mapping: { idProperty: 'id', fields: { 'name.zh': 'name_zh', 'name.en': 'name_en' } },
  resource: 'pipes.water',
  check: true,
  ...overrides,
});

/** Answers as vector-tile.worker.ts does, in this thread, in the order `order` says. */
class FakeWorker {
  onmessage: ((event: MessageEvent<FromTileWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: ToTileWorker[] = [];
  terminated = false;
  postMessage(message: ToTileWorker): void {
    this.received.push(message);
  }
  async answer(index: number): Promise<void> {
    const { id, tile: sent } = this.received[index]!;
    const decoded = await decodeVectorTile(sent);
    this.onmessage?.({ data: { id, decoded } } as MessageEvent<FromTileWorker>);
  }
  fail(): void {
    this.onerror?.({ preventDefault: () => {} } as ErrorEvent);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe('decodeVectorTile', () => {
  it('gives the features of the tile in the layer’s terms, gzipped or not', async () => {
    for (const bytes of [first!.data, gzipSync(first!.data)]) {
      const decoded = await decodeVectorTile(tile({ bytes }));
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) continue;
      const table = featureTableOf(decoded.geometry);
      expect(table.length).toBeGreaterThan(0);
      expect(table.feature(0).properties['name']).toMatchObject({ en: expect.any(String) });
    }
  });
  it('says what is wrong rather than throwing: no such layer, a wrong mapping, not a tile', async () => {
    expect(await decodeVectorTile(tile({ sourceLayer: 'roads' }))).toEqual({
      ok: false,
      message: `pipes.water: sourceLayer: the tiles have no layer "roads" (they have: ${LAYER})`,
    });
    const wrong = await decodeVectorTile(tile({ mapping: { idProperty: 'gid', fields: {} } }));
    expect(wrong).toMatchObject({ ok: false, message: expect.stringContaining('idProperty') });
    const garbage = await decodeVectorTile(tile({ bytes: new Uint8Array([0xff, 0xff, 0xff]) }));
    expect(garbage).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a vector tile'),
    });
  });
  it('has no features for an empty tile', async () => {
    const decoded = await decodeVectorTile(tile({ bytes: new Uint8Array(0) }));
    expect(decoded.ok && featureTableOf(decoded.geometry).length).toBe(0);
  });
});

describe('workerTileDecoder', () => {
  it('hands each caller its own tile, whatever order the worker answers in, and a copy of the bytes', async () => {
    const worker = new FakeWorker();
    const decode = workerTileDecoder(worker as unknown as Worker);
    const bytes = first!.data;
    const one = decode(tile({ bytes }));
    const other = decode(tile({ sourceLayer: 'roads' }));
    expect(worker.received[0]!.tile.bytes).not.toBe(bytes);
    await worker.answer(1);
    await worker.answer(0);
    expect((await one).ok).toBe(true);
    expect((await other).ok).toBe(false);
  });
  it('a worker that fails: what it was decoding and the next tiles are decoded in place', async () => {
    const worker = new FakeWorker();
    const decode = workerTileDecoder(worker as unknown as Worker);
    const caught = decode(tile());
    worker.fail();
    expect((await caught).ok).toBe(true);
    expect(worker.terminated).toBe(true);
    expect((await decode(tile())).ok).toBe(true);
    expect(worker.received).toHaveLength(1);
  });
});
