/**
 * The features of the tiles in view as one table, for what reads a layer's features as a whole
 * (status counts, the details panel, the selection, search, export). A feature that crosses tile
 * edges comes clipped in each tile it crosses: its pieces are joined back into one feature, so
 * it is counted once and highlighted whole.
 */
import { featureTable, type FeatureTable } from './feature-table';
import type { Feature, Geometry, Position } from './schemas';

export function mergeTiles(tables: readonly FeatureTable[]): FeatureTable {
  const pieces = new Map<string, Feature[]>();
  for (const table of tables)
    for (let index = 0; index < table.length; index++) {
      const feature = table.feature(index);
      const known = pieces.get(feature.id);
      if (known) known.push(feature);
      else pieces.set(feature.id, [feature]);
    }
  return featureTable([...pieces.values()].map(joinPieces));
}

function joinPieces(pieces: readonly Feature[]): Feature {
  const first = pieces[0]!;
  if (pieces.length === 1) return first;
  const geometry = joinGeometries(pieces.map((piece) => piece.geometry));
  return geometry ? { ...first, geometry } : first;
}

/** Lines into one multi-line, polygons into one multi-polygon; a point is the same in each tile. */
function joinGeometries(geometries: readonly Geometry[]): Geometry | null {
  const lines: Position[][] = [];
  const polygons: Position[][][] = [];
  for (const geometry of geometries) {
    if (geometry.type === 'LineString') lines.push(geometry.coordinates);
    else if (geometry.type === 'MultiLineString') lines.push(...geometry.coordinates);
    else if (geometry.type === 'Polygon') polygons.push(geometry.coordinates);
    else if (geometry.type === 'MultiPolygon') polygons.push(...geometry.coordinates);
  }
  if (lines.length > 0 && polygons.length === 0)
    return { type: 'MultiLineString', coordinates: lines };
  if (polygons.length > 0 && lines.length === 0)
    return { type: 'MultiPolygon', coordinates: polygons };
  return null;
}
