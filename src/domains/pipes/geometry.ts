/** Reading deck.gl positions and paths out of pipe and node features. */
import type { Position as DeckPosition } from '@deck.gl/core';
import type { Feature, Position } from '../../data/schemas';

/** Shared by every feature without a path; never written to. */
const EMPTY_PATH: DeckPosition[] = [];
const NO_POSITION: DeckPosition = [0, 0];

/**
 * The vertices of a LineString (the first part of a MultiLineString); empty for other shapes.
 * The feature's own coordinate arrays are returned, not copies. deck.gl reads the first two or
 * three numbers of each position, which is what a validated GeoJSON position holds.
 */
export function linePath(feature: Feature): DeckPosition[] {
  const { geometry } = feature;
  if (geometry.type === 'LineString') return asDeckPath(geometry.coordinates);
  if (geometry.type === 'MultiLineString') {
    const first = geometry.coordinates[0];
    return first ? asDeckPath(first) : EMPTY_PATH;
  }
  return EMPTY_PATH;
}

/** A Point's coordinates (not a copy); other shapes fall back to [0, 0] and draw nothing useful. */
export function pointPosition(feature: Feature): DeckPosition {
  const { geometry } = feature;
  return geometry.type === 'Point' ? asDeckPosition(geometry.coordinates) : NO_POSITION;
}

function asDeckPath(path: Position[]): DeckPosition[] {
  return path as unknown as DeckPosition[];
}

function asDeckPosition(position: Position): DeckPosition {
  return position as unknown as DeckPosition;
}
