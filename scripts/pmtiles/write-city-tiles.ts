/**
 * PMTiles archives of the demo city's static datasets, read from the mock backend over fetch (so
 * the tiles hold exactly what the API serves), one archive per dataset:
 * `<out>/<scale>/<dataset>.pmtiles` (MVT, gzipped tiles; the layer inside is the dataset id).
 * `basemap` in the list of datasets writes the base map (GET /basemap) as `basemap.pmtiles`, a
 * layer per part, for `tiledBasemapStyle` (src/map/embedded-style.ts).
 * Used by `npm run tiles` and by the render benchmark's megacity.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { CityScale } from '../../mocks/city/scale';
import { createMockServer } from '../../mocks/node';
import {
  basemapSchema,
  catalogSchema,
  featureCollectionSchema,
  type Feature,
} from '../../src/data/schemas';
import { BASEMAP_ARCHIVE, BASEMAP_MIN_ZOOM, basemapTileLayers } from './archives';
import { Compression, TileType, writePmtiles } from './pmtiles-writer';
import {
  layeredVectorTiles,
  layerMinZoom,
  tileProperties,
  type TileLayerInput,
} from './vector-tiles';

const BASE_URL = 'http://cityops.test/api/v1';
const AT = '2026-01-15T08:30:00+08:00';

export interface CityTilesOptions {
  readonly scale: CityScale;
  readonly seed: number;
  /** Archives go to `<out>/<scale>/`. */
  readonly out: string;
  readonly datasets: readonly string[];
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly log: (line: string) => void;
}

/** Writes the archives; returns their paths by dataset. */
export async function writeCityTiles(options: CityTilesOptions): Promise<Map<string, string>> {
  const { scale, minZoom, maxZoom } = options;
  if (!(minZoom >= 0 && maxZoom <= 16 && minZoom <= maxZoom))
    throw new Error('tiles: zooms need 0 ≤ min ≤ max ≤ 16');
  const time = Date.parse(AT);
  const { server } = createMockServer({
    baseUrl: BASE_URL,
    seed: options.seed,
    scale,
    now: () => time,
  });
  server.listen({ onUnhandledRequest: 'error' });
  const written = new Map<string, string>();
  try {
    const read = async (path: string) => {
      const response = await fetch(`${BASE_URL}${path}`);
      if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
      return (await response.json()) as unknown;
    };
    const catalog = catalogSchema.parse(await read('/catalog'));
    const { bbox } = catalog.city;
    const outDir = `${options.out}/${scale}`;
    mkdirSync(outDir, { recursive: true });
    /** An archive's layers: a dataset's features, or the base map's parts. */
    const layersOf = async (name: string): Promise<TileLayerInput[]> => {
      if (name === BASEMAP_ARCHIVE)
        return basemapTileLayers(basemapSchema.parse(await read('/basemap')));
      const { features } = featureCollectionSchema.parse(
        await read(`/datasets/${encodeURIComponent(name)}/features`),
      );
      return [{ name, features }];
    };
    for (const dataset of options.datasets) {
      const started = performance.now();
      const first = dataset === BASEMAP_ARCHIVE ? Math.min(minZoom, BASEMAP_MIN_ZOOM) : minZoom;
      const layers: TileLayerInput[] = [];
      for (const layer of await layersOf(dataset)) {
        if (layerMinZoom(layer, first) <= maxZoom) layers.push(layer);
        else options.log(`${dataset}: ${layer.name} left out (from zoom ${layer.minZoom} only)`);
      }
      const tiles = layeredVectorTiles(layers, bbox, { minZoom: first, maxZoom }).map((tile) => ({
        ...tile,
        data: gzipSync(tile.data),
      }));
      const archive = writePmtiles(tiles, {
        tileType: TileType.Mvt,
        tileCompression: Compression.Gzip,
        bounds: bbox,
        center: [catalog.city.center[0], catalog.city.center[1], Math.round(catalog.city.zoom)],
        metadata: {
          name: `${catalog.city.name.en}: ${dataset}`,
          vector_layers: layers.map((layer) => ({
            id: layer.name,
            minzoom: layerMinZoom(layer, first),
            maxzoom: maxZoom,
            fields: fieldsOf(layer.features),
          })),
        },
      });
      const path = `${outDir}/${dataset}.pmtiles`;
      writeFileSync(path, archive);
      written.set(dataset, path);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      options.log(
        `${path}: ${layers.reduce((sum, layer) => sum + layer.features.length, 0)} features, ${tiles.length} tiles, ${(archive.length / 1e6).toFixed(1)} MB, ${seconds} s`,
      );
    }
  } finally {
    server.close();
  }
  return written;
}

/** The TileJSON `fields` of a layer: each property its features carry, with its type. */
function fieldsOf(features: readonly Feature[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const feature of features)
    for (const [key, value] of Object.entries(tileProperties(feature)))
      fields[key] ??=
        typeof value === 'number' ? 'Number' : typeof value === 'boolean' ? 'Boolean' : 'String';
  return fields;
}
