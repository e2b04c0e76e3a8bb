/**
 * Level of detail for dense point layers: zoomed out, the points are grouped into hexagonal cells
 * of a fixed size on screen, and a cell is drawn for the points inside it. Which point falls in
 * which cell depends only on the geometry and the zoom level, so the grouping is made once per
 * table and whole zoom level (d3-hexbin, in metres around the table's middle latitude); a live
 * update only re-reads the members' values (`worstPerCell`).
 */
import type { LayerData as DeckLayerData } from '@deck.gl/core';
import { hexbin } from 'd3-hexbin';
import { weakMemo } from '../data/weak-memo';
import { perTable, type FeatureTable } from '../data/feature-table';

export interface HexCells {
  readonly length: number;
  /** Cell centres, longitude/latitude pairs. */
  readonly centers: Float64Array;
  /** From a cell's centre to its corners, metres. */
  readonly radiusM: number;
  /** Feature indices grouped by cell: cell c holds members[starts[c]] up to members[starts[c + 1]]. */
  readonly members: Uint32Array;
  readonly starts: Uint32Array;
}

/** Cells about this wide on screen (centre to corner), whatever the zoom. */
export const CELL_RADIUS_PX = 12;
const EARTH_RADIUS_M = 6_378_137;
const METRES_PER_DEGREE = (EARTH_RADIUS_M * Math.PI) / 180;
/** MapLibre's tiles are 512 px: at zoom z the world is 512·2^z pixels wide. */
const WORLD_PX_AT_ZOOM_0 = 512;

/** Metres per screen pixel at a zoom and latitude (Web Mercator). */
export function metresPerPixel(zoom: number, latitude: number): number {
  return (
    (2 * Math.PI * EARTH_RADIUS_M * Math.cos((latitude * Math.PI) / 180)) /
    (WORLD_PX_AT_ZOOM_0 * 2 ** zoom)
  );
}

/**
 * The table's point features grouped into cells for a zoom: the grouping of the whole zoom level
 * below it, so that it changes (and is computed) only when the zoom crosses a whole level.
 * Features without a position belong to no cell.
 */
export function hexCells(table: FeatureTable, zoom: number): HexCells {
  const level = Math.floor(zoom);
  const byLevel = cellsByLevel(table);
  let cells = byLevel.get(level);
  if (!cells) {
    cells = groupIntoCells(table, level);
    byLevel.set(level, cells);
  }
  return cells;
}

const cellsByLevel = perTable(() => new Map<number, HexCells>());

function groupIntoCells(table: FeatureTable, level: number): HexCells {
  const { longitudes, latitudes, indices, count } = pointPositions(table);
  const middleLatitude = count > 0 ? middle(latitudes.subarray(0, count)) : 0;
  const perDegreeLongitude = METRES_PER_DEGREE * Math.cos((middleLatitude * Math.PI) / 180);
  const radiusM = CELL_RADIUS_PX * metresPerPixel(level, middleLatitude);
  const bins = hexbin<number>()
    .x((at) => longitudes[at]! * perDegreeLongitude)
    .y((at) => latitudes[at]! * METRES_PER_DEGREE)
    .radius(radiusM)(Array.from({ length: count }, (_, at) => at));
  const centers = new Float64Array(bins.length * 2);
  const starts = new Uint32Array(bins.length + 1);
  const members = new Uint32Array(count);
  let filled = 0;
  bins.forEach((bin, cell) => {
    centers[cell * 2] = bin.x / perDegreeLongitude;
    centers[cell * 2 + 1] = bin.y / METRES_PER_DEGREE;
    starts[cell] = filled;
    for (const at of bin) members[filled++] = indices[at]!;
  });
  starts[bins.length] = filled;
  return { length: bins.length, centers, radiusM, members, starts };
}

/** The positions of the features that have one, and which feature each belongs to. */
function pointPositions(table: FeatureTable) {
  const longitudes = new Float64Array(table.length);
  const latitudes = new Float64Array(table.length);
  const indices = new Uint32Array(table.length);
  let count = 0;
  forEachPoint(table, (index, longitude, latitude) => {
    longitudes[count] = longitude;
    latitudes[count] = latitude;
    indices[count] = index;
    count++;
  });
  return { longitudes, latitudes, indices, count };
}

function forEachPoint(
  table: FeatureTable,
  visit: (index: number, longitude: number, latitude: number) => void,
): void {
  const { binary } = table;
  if (binary?.type === 'Point') {
    const { positions, starts } = binary;
    for (let index = 0; index < table.length; index++) {
      const at = starts[index]!;
      if (starts[index + 1]! > at) visit(index, positions[at * 2]!, positions[at * 2 + 1]!);
    }
    return;
  }
  for (let index = 0; index < table.length; index++) {
    const { geometry } = table.feature(index);
    if (geometry.type === 'Point') visit(index, geometry.coordinates[0], geometry.coordinates[1]);
  }
}

function middle(values: Float64Array): number {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return (min + max) / 2;
}

/**
 * Per cell, the highest rank among its members (a feature's rank: how much it matters, e.g. its
 * status's severity). Kept per cells and per `source` (the live state the ranks are read from), so
 * drawing again without a new state reads nothing.
 */
export function worstPerCell<S extends object>(
  cells: HexCells,
  source: S,
  rank: (index: number) => number,
): Uint8Array {
  const kept = worstKept(cells);
  let worst = kept.get(source);
  if (!worst) {
    worst = new Uint8Array(cells.length);
    for (let cell = 0; cell < cells.length; cell++) {
      let highest = 0;
      for (let at = cells.starts[cell]!; at < cells.starts[cell + 1]!; at++)
        highest = Math.max(highest, rank(cells.members[at]!));
      worst[cell] = highest;
    }
    kept.set(source, worst);
  }
  return worst;
}

const worstKept = weakMemo((_cells: HexCells) => new WeakMap<object, Uint8Array>());

/** The cells as deck.gl data: their centres as a binary position attribute, kept per cells. */
export const hexCellsData = weakMemo(
  (cells: HexCells): DeckLayerData<unknown> =>
    ({
      length: cells.length,
      attributes: { getPosition: { value: cells.centers, size: 2 } },
    }) as DeckLayerData<unknown>,
);
