/**
 * Where an alarm is, in lon/lat like the datasets' GeoJSON: a point to put it on the map (the
 * first feature's point, the middle of its line or the centroid of its area: features come most
 * affected first), the district that point lies in (an id of `GET /areas`) and the box around
 * all of its features, so that a screen can place, filter and zoom to an alarm without loading
 * the dataset's geometry first.
 */
import type { CityModel } from '../city/generate-city';
import { districtLocator } from '../city/districts';
import { pointAlong, polylineLength, ringCentroid, type XY } from '../city/geo';
import { perCity } from '../city/per-city';
import type { PipeNetwork } from '../city/pipes';
import { toPosition } from '../city/projection';
import type { LiveDatasetId } from '../datasets';
import type { AlarmPlace } from '../sim/engine/alarm-engine';
import type { AlarmReading } from '../sim/types';

type ShapeKind = 'point' | 'line' | 'area';

/** The local-frame geometry of a dataset's features: a point, a polyline or an outer ring. */
interface Shapes {
  readonly kind: ShapeKind;
  readonly byId: ReadonlyMap<string, readonly XY[]>;
}

const points = (items: readonly { id: string; position: XY }[]): Shapes => ({
  kind: 'point',
  byId: new Map(items.map((item) => [item.id, [item.position]])),
});

const pipes = (city: CityModel, network: PipeNetwork): Shapes => ({
  kind: 'line',
  byId: new Map(
    city.pipes.filter((pipe) => pipe.network === network).map((pipe) => [pipe.id, pipe.points]),
  ),
});

const SHAPES: Readonly<Record<LiveDatasetId, (city: CityModel) => Shapes>> = {
  'traffic.roads': (city) => ({
    kind: 'line',
    byId: new Map(city.roadSegments.map((segment) => [segment.id, segment.points])),
  }),
  'pipes.water': (city) => pipes(city, 'water'),
  'pipes.drainage': (city) => pipes(city, 'drainage'),
  'pipes.gas': (city) => pipes(city, 'gas'),
  'pipes.nodes': (city) => points(city.pipeNodes),
  'fire.stations': (city) => points(city.fireStations),
  'fire.hydrants': (city) => points(city.hydrants),
  'public-spaces.spaces': (city) => ({
    kind: 'area',
    byId: new Map(city.publicSpaces.map((space) => [space.id, space.polygon])),
  }),
};

/** Built on first use per dataset: a megacity's pipes need not be indexed for a traffic alarm. */
const shapeIndex = perCity(() => new Map<LiveDatasetId, Shapes>());
const locateDistrict = perCity((city) => districtLocator(city.districts));
/** Cleared alarms keep their last reading, so their place is computed once. */
const places = new WeakMap<AlarmReading, AlarmPlace>();

function shapesOf(city: CityModel, reading: AlarmReading): Shapes | null {
  if (reading.featurePoints)
    return {
      kind: 'point',
      byId: new Map(reading.featureIds.map((id, i) => [id, [reading.featurePoints![i]!]])),
    };
  if (reading.datasetId === 'fire.alarms') return null;
  const index = shapeIndex(city);
  let shapes = index.get(reading.datasetId);
  if (!shapes) {
    shapes = SHAPES[reading.datasetId](city);
    index.set(reading.datasetId, shapes);
  }
  return shapes;
}

function representativePoint(kind: ShapeKind, shape: readonly XY[]): XY {
  switch (kind) {
    case 'point':
      return shape[0]!;
    case 'line':
      return pointAlong(shape, polylineLength(shape) / 2);
    case 'area':
      return ringCentroid(shape);
  }
}

/** The place of an alarm's features; the city's centre and extent when none of them is known. */
export function alarmPlace(city: CityModel, reading: AlarmReading): AlarmPlace {
  const cached = places.get(reading);
  if (cached) return cached;
  const shapes = shapesOf(city, reading);
  let anchor: XY | null = null;
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const id of shapes ? reading.featureIds : []) {
    const shape = shapes?.byId.get(id);
    if (!shapes || !shape || shape.length === 0) continue;
    anchor ??= representativePoint(shapes.kind, shape);
    for (const [x, y] of shape) {
      west = Math.min(west, x);
      south = Math.min(south, y);
      east = Math.max(east, x);
      north = Math.max(north, y);
    }
  }
  let place: AlarmPlace = { areaId: null, position: city.origin, bbox: city.bbox };
  if (anchor) {
    // Longitude grows with x alone and latitude with y alone, so corners map to corners.
    const [minLon, minLat] = toPosition(city.origin, [west, south]);
    const [maxLon, maxLat] = toPosition(city.origin, [east, north]);
    place = {
      areaId: locateDistrict(city)(anchor).id,
      position: toPosition(city.origin, anchor),
      bbox: [minLon, minLat, maxLon, maxLat],
    };
  }
  places.set(reading, place);
  return place;
}
