/**
 * Where an alarm is: the district of its first feature, a point on that feature and the box
 * around all of its features, in the lon/lat of the datasets' GeoJSON.
 */
import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { toPosition } from '../../../mocks/city/projection';
import { alarmPlace } from '../../../mocks/geojson/alarm-place';
import { buildAreas } from '../../../mocks/geojson/areas';
import { datasetFeatures } from '../../../mocks/geojson/dataset-features';
import type { AlarmReading } from '../../../mocks/sim/types';

const town = generateCity({ seed: 42, scale: 'town' });

function reading(datasetId: AlarmReading['datasetId'], featureIds: string[]): AlarmReading {
  return {
    key: `test:${featureIds.join(',')}`,
    ruleId: 'test',
    domain: 'test',
    department: 'city-management',
    severity: 2,
    datasetId,
    featureIds,
    level: 1,
    value: 1,
    unit: '',
    title: { zh: '测试', en: 'Test' },
  };
}

/** Every position of a GeoJSON geometry. */
function positions(geometry: unknown): number[][] {
  const coordinates = (geometry as { coordinates: unknown }).coordinates;
  const flat: number[][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') flat.push(value as number[]);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(coordinates);
  return flat;
}

function featureOf(
  datasetId: 'traffic.roads' | 'pipes.water' | 'public-spaces.spaces',
  id: string,
) {
  return datasetFeatures(town, datasetId, 0).features.find((feature) => feature.id === id)!;
}

describe('alarmPlace', () => {
  it('puts a pipe alarm on its first pipe, in the pipe’s district, boxed around every pipe', () => {
    const [first, second] = town.pipes.filter(
      (pipe) => pipe.network === 'water' && pipe.zone === town.pipes[0]!.zone,
    );
    const place = alarmPlace(town, reading('pipes.water', [first!.id, second!.id]));
    expect(place.areaId).toBe(first!.zone);
    expect(buildAreas(town).features.map((area) => area.id)).toContain(place.areaId);
    const all = [first!, second!].flatMap((pipe) =>
      positions(featureOf('pipes.water', pipe.id).geometry),
    );
    const lons = all.map((p) => p[0]!);
    const lats = all.map((p) => p[1]!);
    expect(place.bbox).toEqual([
      Math.min(...lons),
      Math.min(...lats),
      Math.max(...lons),
      Math.max(...lats),
    ]);
    const [lon, lat] = place.position;
    const firstBox = positions(featureOf('pipes.water', first!.id).geometry);
    expect(lon).toBeGreaterThanOrEqual(Math.min(...firstBox.map((p) => p[0]!)));
    expect(lon).toBeLessThanOrEqual(Math.max(...firstBox.map((p) => p[0]!)));
    expect(lat).toBeGreaterThanOrEqual(Math.min(...firstBox.map((p) => p[1]!)));
    expect(lat).toBeLessThanOrEqual(Math.max(...firstBox.map((p) => p[1]!)));
  });

  it('puts a road alarm halfway along its segment', () => {
    const segment = town.roadSegments.find((s) => s.points.length === 2)!;
    const place = alarmPlace(town, reading('traffic.roads', [segment.id]));
    const [a, b] = segment.points as [readonly [number, number], readonly [number, number]];
    expect(place.position).toEqual(toPosition(town.origin, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]));
  });

  it('puts a crowding alarm at the centroid of its space', () => {
    const space = town.publicSpaces[0]!;
    const place = alarmPlace(town, reading('public-spaces.spaces', [space.id]));
    const [x, y] = space.center;
    const [lon, lat] = toPosition(town.origin, [x, y]);
    expect(place.position[0]).toBeCloseTo(lon, 4);
    expect(place.position[1]).toBeCloseTo(lat, 4);
    expect(place.bbox[0]).toBeLessThan(place.bbox[2]);
  });

  it('puts a fire alarm at the point its reading gives (the building of a dynamic feature)', () => {
    const building = town.buildings[3]!;
    const place = alarmPlace(town, {
      ...reading('fire.alarms', ['fd-1-0']),
      featurePoints: [building.center],
    });
    const position = toPosition(town.origin, building.center);
    expect(place).toEqual({
      areaId: building.districtId,
      position,
      bbox: [position[0], position[1], position[0], position[1]],
    });
  });

  it('falls back to the city with no district when no feature is known', () => {
    expect(alarmPlace(town, reading('traffic.roads', ['r-nope']))).toEqual({
      areaId: null,
      position: town.origin,
      bbox: town.bbox,
    });
    expect(alarmPlace(town, reading('fire.alarms', ['fd-1-0'])).areaId).toBeNull();
  });
});
