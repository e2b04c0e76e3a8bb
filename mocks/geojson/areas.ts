/**
 * The area hierarchy the demo serves: districts (区), their sub-districts (街道) and the grid
 * cells (网格) within those, each naming its parent.
 */
import type { Areas } from '../../src/data/schemas';
import { perCity } from '../city/per-city';
import { planGridCells, planSubdistricts, type SubArea } from '../city/sub-areas';
import { polygonFeature } from './features';

export const buildAreas = perCity((city): Areas => {
  const subdistricts = planSubdistricts(city.districts);
  const cells = planGridCells(subdistricts, city.scale);
  const feature = (area: SubArea, level: 'subdistrict' | 'grid') => ({
    ...polygonFeature(city.origin, area.id, area.rings, {}),
    properties: { name: area.name, level, parentId: area.parentId },
  });
  return {
    type: 'FeatureCollection',
    features: [
      ...city.districts.map((district) => ({
        ...polygonFeature(city.origin, district.id, [district.polygon], {}),
        properties: { name: district.name, level: 'district' as const, parentId: city.id },
      })),
      ...subdistricts.map((area) => feature(area, 'subdistrict')),
      ...cells.map((area) => feature(area, 'grid')),
    ],
  };
});
