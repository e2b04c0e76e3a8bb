/** Reading deck.gl positions out of point features. */
import type { Position as DeckPosition } from '@deck.gl/core';
import type { Feature, Position } from '../../data/schemas';

const NO_POSITION: DeckPosition = [0, 0];

/**
 * A Point's coordinates (the feature's own array, not a copy); other shapes fall back to [0, 0].
 * deck.gl reads the first two or three numbers, which is what a validated position holds.
 */
export function pointPosition(feature: Feature): DeckPosition {
  const { geometry } = feature;
  return geometry.type === 'Point' ? asDeckPosition(geometry.coordinates) : NO_POSITION;
}

function asDeckPosition(position: Position): DeckPosition {
  return position as unknown as DeckPosition;
}
