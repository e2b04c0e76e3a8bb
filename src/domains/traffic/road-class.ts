/** Road classes and how wide each is drawn. */
import type { PropertyValue } from '../../data/feature-table';
import type { Feature } from '../../data/schemas';
import { asString, stringProperty } from '../../map/feature-text';

export const ROAD_CLASSES = ['expressway', 'arterial', 'local'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];

export function roadClassOf(feature: Feature): RoadClass | null {
  return roadClassOfValue(stringProperty(feature, 'roadClass'));
}

/** The class a `roadClass` property value names, null for none or an unknown one. */
export function roadClassOfValue(value: PropertyValue | undefined): RoadClass | null {
  const text = asString(value);
  return ROAD_CLASSES.find((roadClass) => roadClass === text) ?? null;
}

/**
 * Drawn width in metres of one feature, i.e. one direction of travel: a two-way road arrives as
 * two directed features a few metres either side of the centreline, so each is drawn about as
 * wide as its carriageway and the two directions stay apart. An unknown class draws as local.
 */
export const ROAD_WIDTH_M: Readonly<Record<RoadClass, number>> = {
  expressway: 14,
  arterial: 10,
  local: 6,
};

/** Pixel bounds so roads stay visible when zoomed out and do not swamp the map when zoomed in. */
export const ROAD_WIDTH_MIN_PIXELS = 1.5;
export const ROAD_WIDTH_MAX_PIXELS = 18;

export function roadWidthMeters(roadClass: RoadClass | null): number {
  return ROAD_WIDTH_M[roadClass ?? 'local'];
}
