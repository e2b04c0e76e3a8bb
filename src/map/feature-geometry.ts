/**
 * Reading deck.gl positions, paths and polygons out of GeoJSON features. The feature's own
 * coordinate arrays are returned, not copies: deck.gl reads the first two or three numbers of each
 * position, which is what a validated GeoJSON position holds.
 */
import type { Position as DeckPosition } from '@deck.gl/core';
import type { LayerData as DeckLayerData } from '@deck.gl/core';
import turfBbox from '@turf/bbox';
import { featureObjects, perTable, type FeatureTable } from '../data/feature-table';
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

/**
 * One position that stands for the feature, to say which area it lies in: a point itself, the
 * middle vertex of a line, the centre of a polygon's extent. Null for an empty geometry.
 */
export function anchorPosition(feature: Pick<Feature, 'geometry'>): Position | null {
  const { geometry } = feature;
  if (geometry.type === 'Point') return geometry.coordinates;
  const path =
    geometry.type === 'LineString'
      ? geometry.coordinates
      : geometry.type === 'MultiLineString'
        ? geometry.coordinates[0]
        : undefined;
  if (path) return path[Math.floor(path.length / 2)] ?? null;
  const [west, south, east, north] = featureBbox(feature);
  return Number.isFinite(west) ? [(west + east) / 2, (south + north) / 2] : null;
}

const EARTH_RADIUS_M = 6_371_000;

/** Length of a line in metres (equirectangular: exact enough along a city's streets). */
export function pathLengthM(path: readonly ArrayLike<number>[]): number {
  let length = 0;
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    const [x0, y0, x1, y1] = [from[0] ?? 0, from[1] ?? 0, to[0] ?? 0, to[1] ?? 0];
    const dx = (((x1 - x0) * Math.PI) / 180) * Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
    const dy = ((y1 - y0) * Math.PI) / 180;
    length += Math.hypot(dx, dy) * EARTH_RADIUS_M;
  }
  return length;
}

/** The vertices of feature `index` of a table of lines (its first part), as `linePath` reads them. */
export function tablePath(table: FeatureTable, index: number): DeckPosition[] {
  const { binary } = table;
  if (!binary) return linePath(table.feature(index));
  const path: DeckPosition[] = [];
  if (binary.type !== 'LineString') return path;
  for (let at = binary.starts[index]!; at < binary.starts[index + 1]!; at++)
    path.push([binary.positions[at * 2]!, binary.positions[at * 2 + 1]!]);
  return path;
}

/** Feature `index`'s anchor (see `anchorPosition`), read from the columns where it has them. */
export function tableAnchor(table: FeatureTable, index: number): Position | null {
  const { binary } = table;
  if (!binary) return anchorPosition(table.feature(index));
  const start = binary.starts[index]!;
  const count = binary.starts[index + 1]! - start;
  if (count === 0) return null;
  const at = start + (binary.type === 'Point' ? 0 : Math.floor(count / 2));
  return [binary.positions[at * 2]!, binary.positions[at * 2 + 1]!];
}

/** Every line's length in metres, computed once per table. */
export const pathLengthsM = perTable((table) => {
  const lengths = new Float64Array(table.length);
  for (let index = 0; index < table.length; index++)
    lengths[index] = pathLengthM(tablePath(table, index));
  return lengths;
});

/**
 * A table as deck.gl data: from columns, binary attributes (positions copied straight into the
 * layer's buffers, nothing per feature); otherwise the features, read by the accessor given.
 * Kept per table, since deck.gl compares data by reference. Binary data carries its table, so
 * that a pick (an index, no object) can be turned back into a feature.
 */
function binaryData(
  table: FeatureTable,
  attribute: 'getPath' | 'getPosition',
): DeckLayerData<Feature> {
  const { binary } = table;
  return {
    length: table.length,
    ...(attribute === 'getPath' ? { startIndices: binary!.starts.subarray(0, table.length) } : {}),
    attributes: { [attribute]: { value: binary!.positions, size: 2 } },
    featureTable: table,
  } as DeckLayerData<Feature>;
}

/** Lines as deck.gl path data (`binaryData`). */
export interface PathData {
  readonly data: DeckLayerData<Feature>;
  readonly getPath?: (feature: Feature) => DeckPosition[];
  readonly _pathType?: 'open';
}

export const pathData = perTable((table): PathData =>
  table.binary?.type === 'LineString'
    ? { data: binaryData(table, 'getPath'), _pathType: 'open' }
    : { data: featureObjects(table), getPath: linePath },
);

/** Points as deck.gl data (`binaryData`). */
export interface PointData {
  readonly data: DeckLayerData<Feature>;
  readonly getPosition?: (feature: Feature) => DeckPosition;
}

export const pointData = perTable((table): PointData =>
  table.binary?.type === 'Point'
    ? { data: binaryData(table, 'getPosition') }
    : { data: featureObjects(table), getPosition: pointPosition },
);

/** The table binary layer data was made from by `pathData` (a pick there has no object). */
export function tableOfLayerData(data: unknown): FeatureTable | null {
  if (typeof data !== 'object' || data === null) return null;
  return (data as { featureTable?: FeatureTable }).featureTable ?? null;
}
