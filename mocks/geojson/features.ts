/** GeoJSON features from the city model's local-frame geometry. */
import type {
  Feature,
  FeatureCollection,
  FeatureProperties,
  Position,
} from '../../src/data/schemas';
import type { Ring, XY } from '../city/geo';
import { toPosition } from '../city/projection';

export function pointFeature(
  origin: Position,
  id: string,
  point: XY,
  properties: FeatureProperties,
): Feature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: toPosition(origin, point) },
    properties,
  };
}

export function lineFeature(
  origin: Position,
  id: string,
  points: readonly XY[],
  properties: FeatureProperties,
): Feature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'LineString', coordinates: points.map((p) => toPosition(origin, p)) },
    properties,
  };
}

/** A polygon from an outer ring and optional holes (rings are stored open and closed here). */
export function polygonFeature(
  origin: Position,
  id: string,
  rings: readonly Ring[],
  properties: FeatureProperties,
): Feature {
  const coordinates = rings.map((ring) => {
    const positions = ring.map((p) => toPosition(origin, p));
    return [...positions, positions[0]!];
  });
  return { type: 'Feature', id, geometry: { type: 'Polygon', coordinates }, properties };
}

export function featureCollection(features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}
