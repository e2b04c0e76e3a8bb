/**
 * Writes PMTiles archives of the demo city's static datasets (see write-city-tiles.ts):
 *
 *   npm run tiles -- --scale megacity --out dist/tiles
 *   npm run tiles -- --scale town --datasets traffic.roads,pipes.water --max-zoom 15
 *   npm run tiles -- --scale megacity --datasets basemap \
 *     --basemap-url https://tiles.city.example/megacity/basemap.pmtiles
 *
 * writes <out>/<scale>/<dataset>.pmtiles; with `--basemap-url` (where the base map's archive will
 * be served), also <out>/<scale>/basemap.style.json, a MapLibre style of it for the config's
 * `"basemap": { "kind": "style", "url": … }`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CITY_SCALES, type CityScale } from '../../mocks/city/scale';
import { tiledBasemapStyle } from '../../src/map/embedded-style';
import { BASEMAP_ARCHIVE, TILED_DATASETS } from './archives';
import { writeCityTiles } from './write-city-tiles';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'city' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: 'dist/tiles' },
      datasets: { type: 'string', default: TILED_DATASETS.join(',') },
      'min-zoom': { type: 'string', default: '10' },
      'max-zoom': { type: 'string', default: '14' },
      'basemap-url': { type: 'string' },
    },
  });
  const scale = values.scale as CityScale;
  if (!CITY_SCALES.includes(scale))
    throw new Error(`--scale must be one of ${CITY_SCALES.join(', ')}`);
  const basemapUrl = values['basemap-url'];
  const datasets = values.datasets.split(',');
  if (basemapUrl !== undefined && !datasets.includes(BASEMAP_ARCHIVE))
    throw new Error(
      `--basemap-url is for the base map's archive: add ${BASEMAP_ARCHIVE} to --datasets`,
    );
  if (basemapUrl !== undefined && !URL.canParse(basemapUrl))
    throw new Error('--basemap-url must be an absolute URL (MapLibre does not resolve pmtiles://)');
  const written = await writeCityTiles({
    scale,
    seed: Number(values.seed),
    out: values.out,
    datasets,
    minZoom: Number(values['min-zoom']),
    maxZoom: Number(values['max-zoom']),
    log: (line) => console.log(line),
  });
  const basemapArchive = written.get(BASEMAP_ARCHIVE);
  if (basemapArchive && basemapUrl !== undefined) {
    const stylePath = basemapArchive.replace(/\.pmtiles$/u, '.style.json');
    writeFileSync(stylePath, JSON.stringify(tiledBasemapStyle(basemapUrl), null, 2));
    console.log(`${stylePath}: a MapLibre style of it, reading ${basemapUrl}`);
  }
}

await main();
