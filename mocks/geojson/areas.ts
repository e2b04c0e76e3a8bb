/** The area hierarchy the demo serves: the districts of the city. */
import type { Areas } from '../../src/data/schemas';
import { perCity } from '../city/per-city';
import { polygonFeature } from './features';

export const buildAreas = perCity((city): Areas => ({
  type: 'FeatureCollection',
  features: city.districts.map((district) => {
    const feature = polygonFeature(city.origin, district.id, [district.polygon], {});
    return {
      ...feature,
      properties: { name: district.name, level: 'district', parentId: city.id },
    };
  }),
}));
