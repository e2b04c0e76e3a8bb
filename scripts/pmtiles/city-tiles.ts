/**
 * Writes PMTiles archives of the demo city's static datasets (see write-city-tiles.ts):
 *
 *   npm run tiles -- --scale megacity --out dist/tiles
 *   npm run tiles -- --scale town --datasets traffic.roads,pipes.water --max-zoom 15
 *
 * writes <out>/<scale>/<dataset>.pmtiles.
 */
import { parseArgs } from 'node:util';
import { CITY_SCALES, type CityScale } from '../../mocks/city/scale';
import { TILED_DATASETS, writeCityTiles } from './write-city-tiles';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'city' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: 'dist/tiles' },
      datasets: { type: 'string', default: TILED_DATASETS.join(',') },
      'min-zoom': { type: 'string', default: '10' },
      'max-zoom': { type: 'string', default: '14' },
    },
  });
  const scale = values.scale as CityScale;
  if (!CITY_SCALES.includes(scale))
    throw new Error(`--scale must be one of ${CITY_SCALES.join(', ')}`);
  await writeCityTiles({
    scale,
    seed: Number(values.seed),
    out: values.out,
    datasets: values.datasets.split(','),
    minZoom: Number(values['min-zoom']),
    maxZoom: Number(values['max-zoom']),
    log: (line) => console.log(line),
  });
}

await main();
