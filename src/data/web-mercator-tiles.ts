/**
 * Web Mercator tile arithmetic (the z/x/y of vector tiles and of every slippy map), shared by the
 * tile readers and the script that cuts the tiles.
 */
import type { BBox } from './schemas';

/** Web Mercator stops short of the poles. */
const MAX_LATITUDE = 85.0511;

/** The tile (x, y) at zoom z that holds a longitude and latitude. */
export function tileAt(longitude: number, latitude: number, z: number): [number, number] {
  const n = 2 ** z;
  const radians = (Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)) * Math.PI) / 180;
  const x = Math.floor(((longitude + 180) / 360) * n);
  const y = Math.floor(((1 - Math.asinh(Math.tan(radians)) / Math.PI) / 2) * n);
  const clamp = (value: number) => Math.min(n - 1, Math.max(0, value));
  return [clamp(x), clamp(y)];
}

/** The extent of tile (z, x, y), as [west, south, east, north]. */
export function tileExtent(z: number, x: number, y: number): BBox {
  const n = 2 ** z;
  const latitude = (row: number) =>
    (Math.atan(Math.sinh(Math.PI * (1 - (2 * row) / n))) * 180) / Math.PI;
  return [(x / n) * 360 - 180, latitude(y + 1), ((x + 1) / n) * 360 - 180, latitude(y)];
}
