/** Where along a path to put a direction arrow. */
import type { Position as DeckPosition } from '@deck.gl/core';

export interface PathMidpoint {
  readonly position: readonly [number, number];
  /** Direction of travel at the midpoint, degrees counter-clockwise from east (map plane). */
  readonly angle: number;
}

const DEG = Math.PI / 180;

/**
 * The point halfway along a path (by ground length) and the direction of the segment it lies
 * on. Longitude steps are scaled by cos(latitude), so the angle is the on-map direction in Web
 * Mercator, which preserves angles. Null for a path with fewer than two vertices.
 */
export function pathMidpoint(path: readonly DeckPosition[]): PathMidpoint | null {
  if (path.length < 2) return null;
  const lengths: number[] = [];
  let total = 0;
  for (let i = 1; i < path.length; i++) {
    const length = planarLength(path[i - 1]!, path[i]!);
    lengths.push(length);
    total += length;
  }
  let remaining = total / 2;
  for (let i = 1; i < path.length; i++) {
    const length = lengths[i - 1]!;
    const from = path[i - 1]!;
    const to = path[i]!;
    if (remaining <= length && length > 0) {
      const f = remaining / length;
      return {
        position: [from[0] + (to[0] - from[0]) * f, from[1] + (to[1] - from[1]) * f],
        angle: bearingAngle(from, to),
      };
    }
    remaining -= length;
  }
  const first = path[0]!;
  const last = path[path.length - 1]!;
  return { position: [first[0], first[1]], angle: bearingAngle(first, last) };
}

function planarLength(from: DeckPosition, to: DeckPosition): number {
  const dx = (to[0] - from[0]) * Math.cos(((from[1] + to[1]) / 2) * DEG);
  const dy = to[1] - from[1];
  return Math.hypot(dx, dy);
}

function bearingAngle(from: DeckPosition, to: DeckPosition): number {
  const dx = (to[0] - from[0]) * Math.cos(((from[1] + to[1]) / 2) * DEG);
  const dy = to[1] - from[1];
  if (dx === 0 && dy === 0) return 0;
  return Math.atan2(dy, dx) / DEG;
}
