/**
 * From the city's local frame (metres east/north of its origin) to WGS84 lon/lat. An
 * equirectangular projection is accurate to centimetres over a city, and coordinates are rounded
 * to 6 decimals (~0.1 m) to keep responses small.
 */
import type { BBox, Position } from '../../src/data/schemas';
import type { XY } from './geo';

const EARTH_RADIUS_M = 6_378_137;
const DEGREES = 180 / Math.PI;

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function toPosition(origin: Position, point: XY): Position {
  const latRadians = origin[1] / DEGREES;
  return [
    round6(origin[0] + (point[0] / (EARTH_RADIUS_M * Math.cos(latRadians))) * DEGREES),
    round6(origin[1] + (point[1] / EARTH_RADIUS_M) * DEGREES),
  ];
}

/** The bounding box of a square of the given half side around the origin. */
export function squareBBox(origin: Position, halfSideM: number): BBox {
  const [west, south] = toPosition(origin, [-halfSideM, -halfSideM]);
  const [east, north] = toPosition(origin, [halfSideM, halfSideM]);
  return [west, south, east, north];
}
