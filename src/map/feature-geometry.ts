/**
 * Reading deck.gl positions, paths and polygons out of GeoJSON features. The feature's own
 * coordinate arrays are returned, not copies: deck.gl reads the first two or three numbers of each
 * position, which is what a validated GeoJSON position holds.
 */
import type { Position as DeckPosition } from '@deck.gl/core';
import turfBbox from '@turf/bbox';
import type { BBox, Feature, Position } from '../data/schemas';

/** Shared by every feature without that shape; never written to. */
const NO_POSITION: DeckPosition = [0, 0];
const EMPTY_PATH: DeckPosition[] = [];
const EMPTY_POLYGON: DeckPosition[][] = [];

/** A Point's coordinates; other shapes fall back to [0, 0]. */
export function pointPosition(feature: Feature): DeckPosition {
  const { geometry } = feature;
  return geometry.type === 'Point' ? asDeckPosition(geometry.coordinates) : NO_POSITION;
}

/** The vertices of a LineString (the first part of a MultiLineString); empty for other shapes. */
export function linePath(feature: Feature): DeckPosition[] {
  const { geometry } = feature;
  if (geometry.type === 'LineString') return asDeckPath(geometry.coordinates);
  if (geometry.type === 'MultiLineString') {
    const first = geometry.coordinates[0];
    return first ? asDeckPath(first) : EMPTY_PATH;
  }
  return EMPTY_PATH;
}

/**
 * The rings (outer first, then holes) of a Polygon, or of the first part of a MultiPolygon;
 * other shapes have no rings.
 */
export function polygonRings(feature: Feature): DeckPosition[][] {
  const { geometry } = feature;
  if (geometry.type === 'Polygon') return asDeckRings(geometry.coordinates);
  if (geometry.type === 'MultiPolygon') {
    const first = geometry.coordinates[0];
    return first ? asDeckRings(first) : EMPTY_POLYGON;
  }
  return EMPTY_POLYGON;
}

function asDeckPosition(position: Position): DeckPosition {
  return position as unknown as DeckPosition;
}

function asDeckPath(path: Position[]): DeckPosition[] {
  return path as unknown as DeckPosition[];
}

function asDeckRings(rings: Position[][]): DeckPosition[][] {
  return rings as unknown as DeckPosition[][];
}

/** The extent of a feature's geometry (to fly to it, to test it against the view). */
export function featureBbox(feature: Pick<Feature, 'geometry'>): BBox {
  const [west, south, east, north] = turfBbox(feature.geometry);
  return [west, south, east, north];
}
