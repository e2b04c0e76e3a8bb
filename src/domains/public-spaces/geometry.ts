/** Reading deck.gl polygons out of area features. */
import type { Position as DeckPosition } from '@deck.gl/core';
import type { Feature, Position } from '../../data/schemas';

/** Shared by every feature without a polygon; never written to. */
const EMPTY_POLYGON: DeckPosition[][] = [];

/**
 * The rings (outer first, then holes) of a Polygon, or of the first part of a MultiPolygon; the
 * feature's own arrays, not copies. Other shapes have no rings.
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

function asDeckRings(rings: Position[][]): DeckPosition[][] {
  return rings as unknown as DeckPosition[][];
}
