/**
 * Plane geometry in the city's local frame: metres east (x) and north (y) of the city origin.
 * The generator and the simulation work in metres; only the GeoJSON views convert to lon/lat.
 */

export type XY = readonly [x: number, y: number];
/** A polygon ring without the closing point (GeoJSON views close it). */
export type Ring = readonly XY[];
/** Four corners, counter-clockwise: the shape of a street block. */
export type Quad = readonly [XY, XY, XY, XY];

export function distance(a: XY, b: XY): number {
  // Not Math.hypot, which is several times slower, in the generator's innermost loops.
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  return Math.sqrt(dx * dx + dy * dy);
}

export function lerp(a: XY, b: XY, t: number): XY {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

export function translate(point: XY, offset: XY): XY {
  return [point[0] + offset[0], point[1] + offset[1]];
}

export function polylineLength(points: readonly XY[]): number {
  let length = 0;
  for (let i = 1; i < points.length; i++) length += distance(points[i - 1]!, points[i]!);
  return length;
}

/** The point `at` metres along a polyline (clamped to its ends). */
export function pointAlong(points: readonly XY[], at: number): XY {
  let remaining = Math.max(0, at);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const step = distance(a, b);
    if (remaining <= step && step > 0) return lerp(a, b, remaining / step);
    remaining -= step;
  }
  return points[points.length - 1]!;
}

/**
 * Shifts a polyline sideways, positive to the right of the direction of travel. Each vertex
 * moves along the average normal of its two segments, which is plenty for gently bent streets.
 */
export function offsetPolyline(points: readonly XY[], offset: number): XY[] {
  const normals = segmentNormals(points);
  return points.map((point, i) => {
    const before = normals[Math.max(0, i - 1)]!;
    const after = normals[Math.min(normals.length - 1, i)]!;
    const nx = before[0] + after[0];
    const ny = before[1] + after[1];
    const length = Math.sqrt(nx * nx + ny * ny) || 1;
    return [point[0] + (nx / length) * offset, point[1] + (ny / length) * offset];
  });
}

/** Unit right-hand normals of each segment. */
function segmentNormals(points: readonly XY[]): XY[] {
  const normals: XY[] = [];
  for (let i = 1; i < points.length; i++) {
    const dx = points[i]![0] - points[i - 1]![0];
    const dy = points[i]![1] - points[i - 1]![1];
    const length = Math.sqrt(dx * dx + dy * dy) || 1;
    normals.push([dy / length, -dx / length]);
  }
  return normals;
}

export function pointInRing(point: XY, ring: Ring): boolean {
  let inside = false;
  const [x, y] = point;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0])
      inside = !inside;
  }
  return inside;
}

/** Area in square metres (shoelace; positive for counter-clockwise rings). */
export function ringArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
  }
  return twice / 2;
}

/** Centroid of a simple polygon (falls back to the vertex mean for degenerate rings). */
export function ringCentroid(ring: Ring): XY {
  const area = ringArea(ring);
  if (Math.abs(area) < 1e-9) {
    const sum = ring.reduce<[number, number]>((acc, p) => [acc[0] + p[0], acc[1] + p[1]], [0, 0]);
    return [sum[0] / ring.length, sum[1] / ring.length];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j]![0] * ring[i]![1] - ring[i]![0] * ring[j]![1];
    cx += (ring[j]![0] + ring[i]![0]) * cross;
    cy += (ring[j]![1] + ring[i]![1]) * cross;
  }
  return [cx / (6 * area), cy / (6 * area)];
}

/** A point inside a quad by bilinear interpolation; (0,0) is the first corner, (1,1) the third. */
export function bilinear(quad: Quad, u: number, v: number): XY {
  const bottom = lerp(quad[0], quad[1], u);
  const top = lerp(quad[3], quad[2], u);
  return lerp(bottom, top, v);
}

/** The part of a quad between fractions [u0, u1] × [v0, v1], as a ring. */
export function subQuad(quad: Quad, u0: number, v0: number, u1: number, v1: number): Quad {
  return [
    bilinear(quad, u0, v0),
    bilinear(quad, u1, v0),
    bilinear(quad, u1, v1),
    bilinear(quad, u0, v1),
  ];
}

export interface Ellipse {
  readonly center: XY;
  readonly radiusX: number;
  readonly radiusY: number;
}

export function insideEllipse(ellipse: Ellipse, point: XY, margin = 0): boolean {
  const dx = (point[0] - ellipse.center[0]) / (ellipse.radiusX + margin);
  const dy = (point[1] - ellipse.center[1]) / (ellipse.radiusY + margin);
  return dx * dx + dy * dy < 1;
}

/** An ellipse as a ring, its radius wobbling by `wobble` (0..1) so it does not look drawn by compass. */
export function ellipseRing(ellipse: Ellipse, vertices: number, wobble = 0, phase = 0): XY[] {
  const ring: XY[] = [];
  for (let k = 0; k < vertices; k++) {
    const angle = (2 * Math.PI * k) / vertices;
    const scale =
      1 + wobble * (0.6 * Math.sin(3 * angle + phase) + 0.4 * Math.sin(5 * angle + 2 * phase));
    ring.push([
      ellipse.center[0] + Math.cos(angle) * ellipse.radiusX * scale,
      ellipse.center[1] + Math.sin(angle) * ellipse.radiusY * scale,
    ]);
  }
  return ring;
}

/**
 * Picks `count` candidates that cover the area the candidates span, as service sites do (fire
 * stations, pumps, stations). Farthest-point sampling from `start` gives a spread-out first guess,
 * which sits on the edges of the area; a few rounds of moving each site to the middle of the
 * candidates it serves pull the sites in to where they cover the most.
 */
export function spreadPoints<T>(
  candidates: readonly T[],
  count: number,
  at: (item: T) => XY,
  start: XY,
): T[] {
  const points = candidates.map(at);
  if (points.length === 0 || count <= 0) return [];
  const nearestTo = (target: XY): number => {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let i = 0; i < points.length; i++) {
      const d = distance(points[i]!, target);
      if (d < bestDistance) {
        best = i;
        bestDistance = d;
      }
    }
    return best;
  };
  const chosen = [nearestTo(start)];
  const gap = points.map((p) => distance(p, points[chosen[0]!]!));
  while (chosen.length < Math.min(count, points.length)) {
    let farthest = 0;
    for (let i = 1; i < gap.length; i++) if (gap[i]! > gap[farthest]!) farthest = i;
    chosen.push(farthest);
    for (let i = 0; i < points.length; i++)
      gap[i] = Math.min(gap[i]!, distance(points[i]!, points[farthest]!));
  }
  for (let round = 0; round < 8; round++) {
    const sums = chosen.map(() => ({ x: 0, y: 0, n: 0 }));
    for (const p of points) {
      let site = 0;
      let siteDistance = Number.POSITIVE_INFINITY;
      for (let k = 0; k < chosen.length; k++) {
        const d = distance(p, points[chosen[k]!]!);
        if (d < siteDistance) {
          site = k;
          siteDistance = d;
        }
      }
      const sum = sums[site]!;
      sum.x += p[0];
      sum.y += p[1];
      sum.n += 1;
    }
    sums.forEach(({ x, y, n }, k) => {
      if (n > 0) chosen[k] = nearestTo([x / n, y / n]);
    });
  }
  return [...new Set(chosen)].map((i) => candidates[i]!);
}
