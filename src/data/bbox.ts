/** Extents as [west, south, east, north], in degrees. */
import type { BBox } from './schemas';

/** Whether two extents meet (touching counts). */
export function bboxesIntersect(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
