import { readFileSync } from 'node:fs';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { describe, expect, it } from 'vitest';
import {
  Compression,
  TileType,
  writePmtiles,
  type ArchiveTile,
} from '../../../scripts/pmtiles/pmtiles-writer';
import {
  layeredVectorTiles,
  tileProperties,
  vectorTiles,
} from '../../../scripts/pmtiles/vector-tiles';
import { featureCollectionSchema, type Feature } from '../../../src/data/schemas';
import { fixturePath } from '../../helpers/fixtures';

/** An archive in memory, read the way the browser reads one over HTTP: by byte ranges. */
function memorySource(bytes: Uint8Array): Source {
  return {
    getKey: () => 'memory',
    getBytes: async (offset: number, length: number): Promise<RangeResponse> => ({
      data: bytes.slice(offset, offset + length).buffer,
    }),
  };
}

const bounds = [121.4, 31.2, 121.5, 31.3] as const;

describe('writePmtiles', () => {
  it('writes an archive the pmtiles reader reads back: header, metadata and every tile', async () => {
    const tiles: ArchiveTile[] = [
      { z: 0, x: 0, y: 0, data: Uint8Array.of(1, 2, 3) },
      { z: 1, x: 1, y: 0, data: Uint8Array.of(4) },
      { z: 1, x: 0, y: 1, data: Uint8Array.of(5, 6) },
      { z: 2, x: 3, y: 1, data: Uint8Array.of(1, 2, 3) },
    ];
    const archive = new PMTiles(
      memorySource(
        writePmtiles(tiles, {
          tileType: TileType.Unknown,
          tileCompression: Compression.None,
          bounds,
          metadata: { name: 'test' },
        }),
      ),
    );
    const header = await archive.getHeader();
    expect(header).toMatchObject({
      specVersion: 3,
      minZoom: 0,
      maxZoom: 2,
      numAddressedTiles: 4,
      numTileContents: 3,
      minLon: 121.4,
      maxLat: 31.3,
    });
    expect(await archive.getMetadata()).toEqual({ name: 'test' });
    for (const tile of tiles) {
      const read = await archive.getZxy(tile.z, tile.x, tile.y);
      expect(new Uint8Array(read!.data)).toEqual(tile.data);
    }
    expect(await archive.getZxy(2, 0, 0)).toBeUndefined();
  });

  it('puts a big directory in leaves, and every tile is still found', async () => {
    const tiles: ArchiveTile[] = [];
    for (let x = 0; x < 128; x++)
      for (let y = 0; y < 128; y++)
        tiles.push({ z: 7, x, y, data: Uint8Array.of(x, y, (x * y) % 251) });
    const bytes = writePmtiles(tiles, {
      tileType: TileType.Unknown,
      tileCompression: Compression.None,
      bounds,
      metadata: {},
      // Small, so that this archive needs leaves: so regular a directory compresses very well.
      maxRootBytes: 64,
    });
    const archive = new PMTiles(memorySource(bytes));
    expect((await archive.getHeader()).leafDirectoryLength).toBeGreaterThan(0);
    for (const [x, y] of [
      [0, 0],
      [127, 127],
      [64, 3],
      [5, 99],
    ] as const) {
      const read = await archive.getZxy(7, x, y);
      expect(Array.from(new Uint8Array(read!.data))).toEqual([x, y, (x * y) % 251]);
    }
  });

  it("carries the town's roads as vector tiles: each feature with its id and properties", async () => {
    const roads = featureCollectionSchema.parse(
      JSON.parse(readFileSync(fixturePath('traffic.roads', 'features'), 'utf8')),
    ).features;
    const tiles = vectorTiles(roads, [121.44, 31.19, 121.5, 31.25], {
      layer: 'roads',
      minZoom: 12,
      maxZoom: 13,
    });
    expect(new Set(tiles.map((tile) => tile.z))).toEqual(new Set([12, 13]));
    const archive = new PMTiles(
      memorySource(
        writePmtiles(tiles, {
          tileType: TileType.Mvt,
          tileCompression: Compression.None,
          bounds,
          metadata: { vector_layers: [{ id: 'roads', fields: { id: 'String' } }] },
        }),
      ),
    );
    const found = new Map<string, Record<string, unknown>>();
    for (const tile of tiles.filter((candidate) => candidate.z === 13)) {
      const read = await archive.getZxy(tile.z, tile.x, tile.y);
      const layer = new VectorTile(new PbfReader(new Uint8Array(read!.data))).layers['roads']!;
      for (let at = 0; at < layer.length; at++) {
        const { properties } = layer.feature(at);
        found.set(String(properties['id']), properties);
      }
    }
    expect(found.size).toBe(roads.length);
    const first = roads[0]!;
    expect(found.get(first.id)).toMatchObject(tileProperties(first));
    expect(found.get(first.id)).toHaveProperty('name_zh');
  });

  it('puts several layers in one archive (a base map), each from its own first zoom', async () => {
    const water: Feature = {
      type: 'Feature',
      id: 'lake',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.41, 31.21],
            [121.42, 31.21],
            [121.42, 31.22],
            [121.41, 31.21],
          ],
        ],
      },
      properties: {},
    };
    const building: Feature = {
      ...water,
      id: 'tower',
      properties: { heightM: 120 },
    };
    const tiles = layeredVectorTiles(
      [
        { name: 'water', features: [water] },
        { name: 'buildings', features: [building], minZoom: 13 },
      ],
      bounds,
      { minZoom: 12, maxZoom: 13 },
    );
    const layersAt = (z: number) =>
      tiles
        .filter((tile) => tile.z === z)
        .map((tile) => Object.keys(new VectorTile(new PbfReader(tile.data)).layers).sort());
    expect(layersAt(12)).toEqual([['water']]);
    expect(layersAt(13)).toEqual([['buildings', 'water']]);
    const [tile] = tiles.filter((candidate) => candidate.z === 13);
    const buildings = new VectorTile(new PbfReader(tile!.data)).layers['buildings']!;
    expect(buildings.feature(0).properties).toEqual({ id: 'tower', heightM: 120 });
  });
});
