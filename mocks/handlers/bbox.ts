/**
 * The `bbox=west,south,east,north` query parameter (WGS84 degrees, as in OGC API Features) and
 * filtering a collection by it: a feature is returned when its extent intersects the box.
 */
import type { BBox, Feature, FeatureCollection, Geometry, Position } from '../../src/data/schemas';

export type BBoxParam = { ok: true; bbox: BBox | null } | { ok: false; message: string };

/** Parses the parameter; null (no parameter) means the whole collection. */
export function parseBBoxParam(value: string | null): BBoxParam {
  if (value === null) return { ok: true, bbox: null };
  const parts = value.split(',');
  const numbers = parts.map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (parts.length !== 4 || numbers.some((n) => !Number.isFinite(n))) {
    return {
      ok: false,
      message: `bbox must be four numbers "west,south,east,north", got "${value.slice(0, 100)}"`,
    };
  }
  const [west, south, east, north] = numbers as [number, number, number, number];
  if (
    Math.abs(west) > 180 ||
    Math.abs(east) > 180 ||
    Math.abs(south) > 90 ||
    Math.abs(north) > 90
  ) {
    return { ok: false, message: 'bbox is outside longitude -180..180 / latitude -90..90' };
  }
  if (west > east || south > north) {
    return { ok: false, message: 'bbox must have west <= east and south <= north' };
  }
  return { ok: true, bbox: [west, south, east, north] };
}

const extentsCache = new WeakMap<FeatureCollection, Float64Array>();

/** [west, south, east, north] of every feature, computed once per collection. */
function featureExtents(collection: FeatureCollection): Float64Array {
  let extents = extentsCache.get(collection);
  if (!extents) {
    extents = new Float64Array(collection.features.length * 4);
    collection.features.forEach((feature, i) =>
      extents!.set(geometryExtent(feature.geometry), i * 4),
    );
    extentsCache.set(collection, extents);
  }
  return extents;
}

export function filterByBBox(collection: FeatureCollection, bbox: BBox): FeatureCollection {
  const [west, south, east, north] = bbox;
  const extents = featureExtents(collection);
  const features: Feature[] = collection.features.filter((_, i) => {
    const o = i * 4;
    return (
      extents[o]! <= east &&
      extents[o + 2]! >= west &&
      extents[o + 1]! <= north &&
      extents[o + 3]! >= south
    );
  });
  return { type: 'FeatureCollection', features };
}

function geometryExtent(geometry: Geometry): [number, number, number, number] {
  const extent: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (position: Position): void => {
    extent[0] = Math.min(extent[0], position[0]);
    extent[1] = Math.min(extent[1], position[1]);
    extent[2] = Math.max(extent[2], position[0]);
    extent[3] = Math.max(extent[3], position[1]);
  };
  switch (geometry.type) {
    case 'Point':
      add(geometry.coordinates);
      break;
    case 'LineString':
      geometry.coordinates.forEach(add);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((line) => line.forEach(add));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((polygon) => polygon.forEach((ring) => ring.forEach(add)));
      break;
  }
  return extent;
}
