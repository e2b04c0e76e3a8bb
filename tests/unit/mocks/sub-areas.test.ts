import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { ringArea } from '../../../mocks/city/geo';
import { planGridCells, planSubdistricts, type SubArea } from '../../../mocks/city/sub-areas';
import { buildAreas } from '../../../mocks/geojson/areas';
import { areasSchema } from '../../../src/data/schemas';

const town = generateCity({ seed: 42, scale: 'town' });
const subdistricts = planSubdistricts(town.districts);
const cells = planGridCells(subdistricts, 'town');
const area = (a: SubArea) =>
  Math.abs(ringArea(a.rings[0]!)) -
  a.rings.slice(1).reduce((sum, hole) => sum + Math.abs(ringArea(hole)), 0);

describe('sub-districts and grid cells', () => {
  it('cut every district into sub-districts that cover it', () => {
    for (const district of town.districts) {
      const parts = subdistricts.filter((sub) => sub.parentId === district.id);
      expect(parts.length).toBeGreaterThanOrEqual(2);
      const covered = parts.reduce((sum, part) => sum + area(part), 0);
      expect(covered / Math.abs(ringArea(district.polygon))).toBeCloseTo(1, 2);
    }
  });

  it('lay grid cells of a few hundred metres inside each sub-district, covering nearly all of it', () => {
    for (const sub of subdistricts) {
      const own = cells.filter((cell) => cell.parentId === sub.id);
      expect(own.length).toBeGreaterThan(0);
      const covered = own.reduce((sum, cell) => sum + area(cell), 0);
      // Only slivers under 5% of a cell are left out.
      expect(covered / area(sub)).toBeGreaterThan(0.9);
      for (const cell of own) expect(area(cell)).toBeLessThanOrEqual(400 * 400 + 1);
    }
  });

  it('are served as the contract’s areas, each naming its parent, with unique ids', () => {
    const areas = areasSchema.parse(buildAreas(town));
    const ids = areas.features.map((feature) => String(feature.id));
    expect(new Set(ids).size).toBe(ids.length);
    const byId = new Map(areas.features.map((feature) => [String(feature.id), feature]));
    const parentLevel = {
      district: null,
      subdistrict: 'district',
      grid: 'subdistrict',
      city: null,
    } as const;
    for (const feature of areas.features) {
      const expected = parentLevel[feature.properties.level];
      if (expected) expect(byId.get(feature.properties.parentId!)?.properties.level).toBe(expected);
    }
    expect(areas.features.filter((f) => f.properties.level === 'grid').length).toBe(cells.length);
  });
});
