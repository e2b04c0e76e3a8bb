/**
 * Writes PMTiles archives of the demo city's static datasets, read from the mock backend over
 * fetch (so the tiles hold exactly what the API serves), one archive per dataset:
 *
 *   npm run tiles -- --scale megacity --out dist/tiles
 *   npm run tiles -- --scale town --datasets traffic.roads,pipes.water --max-zoom 15
 *
 * writes <out>/<scale>/<dataset>.pmtiles (MVT, gzipped tiles; the layer inside is the dataset id).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { CITY_SCALES, type CityScale } from '../../mocks/city/scale';
import { createMockServer } from '../../mocks/node';
import { catalogSchema, featureCollectionSchema } from '../../src/data/schemas';
import { Compression, TileType, writePmtiles } from './pmtiles-writer';
import { vectorTiles } from './vector-tiles';

const BASE_URL = 'http://cityops.test/api/v1';
const AT = '2026-01-15T08:30:00+08:00';
/** The static datasets big enough to want tiles. */
const DEFAULT_DATASETS = ['traffic.roads', 'pipes.water', 'pipes.drainage', 'pipes.gas'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'city' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: 'dist/tiles' },
      datasets: { type: 'string', default: DEFAULT_DATASETS.join(',') },
      'min-zoom': { type: 'string', default: '10' },
      'max-zoom': { type: 'string', default: '14' },
    },
  });
  const scale = values.scale as CityScale;
  if (!CITY_SCALES.includes(scale))
    throw new Error(`--scale must be one of ${CITY_SCALES.join(', ')}`);
  const minZoom = Number(values['min-zoom']);
  const maxZoom = Number(values['max-zoom']);
  if (!(minZoom >= 0 && maxZoom <= 16 && minZoom <= maxZoom))
    throw new Error('--min-zoom and --max-zoom: 0 ≤ min ≤ max ≤ 16');
  const time = Date.parse(AT);
  const { server } = createMockServer({
    baseUrl: BASE_URL,
    seed: Number(values.seed),
    scale,
    now: () => time,
  });
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const read = async (path: string) => {
      const response = await fetch(`${BASE_URL}${path}`);
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
      return (await response.json()) as unknown;
    };
    const catalog = catalogSchema.parse(await read('/catalog'));
    const { bbox } = catalog.city;
    const outDir = `${values.out}/${scale}`;
    mkdirSync(outDir, { recursive: true });
    for (const dataset of values.datasets.split(',')) {
      const started = performance.now();
      const { features } = featureCollectionSchema.parse(
        await read(`/datasets/${encodeURIComponent(dataset)}/features`),
      );
      const tiles = vectorTiles(features, bbox, { layer: dataset, minZoom, maxZoom }).map(
        (tile) => ({
          ...tile,
          data: gzipSync(tile.data),
        }),
      );
      const archive = writePmtiles(tiles, {
        tileType: TileType.Mvt,
        tileCompression: Compression.Gzip,
        bounds: bbox,
        center: [catalog.city.center[0], catalog.city.center[1], Math.round(catalog.city.zoom)],
        metadata: {
          name: `${catalog.city.name.en}: ${dataset}`,
          vector_layers: [
            { id: dataset, minzoom: minZoom, maxzoom: maxZoom, fields: { id: 'String' } },
          ],
        },
      });
      const path = `${outDir}/${dataset}.pmtiles`;
      writeFileSync(path, archive);
      console.log(
        `${path}: ${features.length} features, ${tiles.length} tiles, ${(archive.length / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    server.close();
  }
}

await main();
