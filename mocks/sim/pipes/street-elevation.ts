/**
 * Street elevation, which the city model does not carry: streets rise with distance from the
 * river and the lake, with gentle seeded undulation on top. Derived deterministically from the
 * city, once per city. Drainage uses it to fill low streets first.
 */
import type { CityModel } from '../../city/generate-city';
import type { Ring, XY } from '../../city/geo';
import { perCity } from '../../city/per-city';
import { hashString, unitHash } from '../../city/prng';

/** Elevation of the banks (m) and how much the land rises away from the water. */
const BANK_M = 3;
const RISE_M = 14;
const RISE_DISTANCE_M = 900;
/** Undulation: broad swells and small dips. */
const SWELL_M = 4;
const SWELL_CELL_M = 700;
const DIP_M = 1.5;
const DIP_CELL_M = 250;

function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t =
    lengthSq > 0
      ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq))
      : 0;
  const x = a[0] + t * dx - p[0];
  const y = a[1] + t * dy - p[1];
  return Math.sqrt(x * x + y * y);
}

function ringDistance(p: XY, ring: Ring): number {
  let best = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    best = Math.min(best, segmentDistance(p, ring[j]!, ring[i]!));
  }
  return best;
}

/** Value noise in [0, 1): hashed lattice values, smoothly interpolated. */
function valueNoise(key: number, p: XY, cellM: number): number {
  const gx = p[0] / cellM;
  const gy = p[1] / cellM;
  const ix = Math.floor(gx);
  const iy = Math.floor(gy);
  const fx = gx - ix;
  const fy = gy - iy;
  const sx = fx * fx * (3 - 2 * fx);
  const sy = fy * fy * (3 - 2 * fy);
  const top = unitHash(key, ix, iy) + (unitHash(key, ix + 1, iy) - unitHash(key, ix, iy)) * sx;
  const bottom =
    unitHash(key, ix, iy + 1) + (unitHash(key, ix + 1, iy + 1) - unitHash(key, ix, iy + 1)) * sx;
  return top + (bottom - top) * sy;
}

/** Elevation (m above the river) of a point on land. */
export function groundElevation(city: CityModel, key: number, p: XY): number {
  const toWater = Math.min(...city.water.map((body) => ringDistance(p, body.polygon)));
  return (
    BANK_M +
    RISE_M * (1 - Math.exp(-toWater / RISE_DISTANCE_M)) +
    SWELL_M * (valueNoise(key, p, SWELL_CELL_M) - 0.5) +
    DIP_M * (valueNoise(key ^ 0x9e37, p, DIP_CELL_M) - 0.5)
  );
}

export interface StreetElevation {
  /** Metres, per road edge id. */
  readonly elevationM: Float64Array;
  /** 0 for the highest streets .. 1 for the lowest (by the 5th–95th percentile range). */
  readonly lowness: Float64Array;
}

export const streetElevation = perCity((city): StreetElevation => {
  const key = hashString(`${city.id}:terrain`);
  const nodeElevation = city.roads.nodes.map((node) => groundElevation(city, key, node.position));
  const edges = city.roads.edges;
  const elevationM = new Float64Array(edges.length);
  edges.forEach((edge, i) => {
    elevationM[i] = (nodeElevation[edge.from]! + nodeElevation[edge.to]!) / 2;
  });
  const sorted = [...elevationM].sort((a, b) => a - b);
  const low = sorted[Math.floor(0.05 * (sorted.length - 1))] ?? 0;
  const high = sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 1;
  const lowness = new Float64Array(edges.length);
  edges.forEach((edge, i) => {
    // A bridge deck stands above the flood; water runs off it.
    lowness[i] = edge.bridge
      ? 0
      : Math.max(0, Math.min(1, (high - elevationM[i]!) / (high - low || 1)));
  });
  return { elevationM, lowness };
});
