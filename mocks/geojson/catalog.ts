/** The catalog: which city this is and which datasets it serves. */
import type { Catalog } from '../../src/data/schemas';
import type { CityModel } from '../city/generate-city';
import { DATASETS } from '../datasets';

/** The demo city keeps China Standard Time (mocks/live/clock.ts: UTC+8, no daylight saving). */
const TIMEZONE = 'Asia/Shanghai';

export function buildCatalog(city: CityModel): Catalog {
  return {
    city: {
      id: city.id,
      name: city.name,
      center: city.origin,
      zoom: city.zoom,
      bbox: city.bbox,
      timezone: TIMEZONE,
    },
    datasets: [...DATASETS],
  };
}
