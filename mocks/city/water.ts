/**
 * The river that crosses the city from west to east and the lake with its park. Both are
 * obstacles for everything else: streets stop at the lake park and cross the river only on
 * bridges, blocks and buildings keep out of both.
 */
import type { LocalizedText } from '../../src/data/schemas';
import { ellipseRing, insideEllipse, type Ellipse, type Ring, type XY } from './geo';
import { LAKE_ROOTS, RIVER_NAMES, text, type NamePair } from './names';
import type { Rng } from './prng';
import type { ScaleParameters } from './scale';

export interface River {
  readonly halfExtentM: number;
  readonly baseY: number;
  readonly tilt: number;
  readonly meanderM: number;
  readonly wavelengthM: number;
  readonly phase: number;
  readonly widthM: number;
}

export interface WaterBody {
  readonly id: string;
  readonly kind: 'river' | 'lake';
  readonly name: LocalizedText;
  readonly polygon: Ring;
}

export interface WaterPlan {
  readonly river: River;
  readonly lake: Ellipse;
  /** The lake with the park around it: no streets or buildings inside. */
  readonly lakePark: Ellipse;
  readonly lakeRoot: NamePair;
  readonly bodies: readonly WaterBody[];
}

export type Obstacle = 'river' | 'lake';

export function riverCenterY(river: River, x: number): number {
  return (
    river.baseY +
    river.tilt * x +
    river.meanderM * Math.sin((2 * Math.PI * x) / river.wavelengthM + river.phase)
  );
}

/** The river narrows and widens a little along its course. */
export function riverHalfWidth(river: River, x: number): number {
  return (
    (river.widthM / 2) *
    (1 + 0.15 * Math.sin((2 * Math.PI * x) / (0.37 * river.wavelengthM) + 2 * river.phase))
  );
}

export function inRiver(river: River, point: XY, margin = 0): boolean {
  return (
    Math.abs(point[1] - riverCenterY(river, point[0])) < riverHalfWidth(river, point[0]) + margin
  );
}

export function obstacleAt(water: WaterPlan, point: XY, margin = 0): Obstacle | null {
  if (inRiver(water.river, point, margin)) return 'river';
  if (insideEllipse(water.lakePark, point, margin)) return 'lake';
  return null;
}

export function planWater(rng: Rng, scale: ScaleParameters): WaterPlan {
  const half = scale.halfExtentM;
  const river: River = {
    halfExtentM: half,
    baseY: rng.range(-0.15, 0.1) * half,
    tilt: rng.range(-0.12, 0.12),
    meanderM: scale.riverMeanderM,
    wavelengthM: rng.range(1.1, 1.5) * half,
    phase: rng.range(0, 2 * Math.PI),
    widthM: scale.riverWidthM,
  };
  const [radiusX, radiusY] = scale.lakeRadiusM;
  const park = { radiusX: radiusX * 1.45, radiusY: radiusY * 1.45 };
  const lakeCenter = placeLake(rng, river, half, park.radiusX, park.radiusY);
  const lake: Ellipse = { center: lakeCenter, radiusX, radiusY };
  const lakePark: Ellipse = { center: lakeCenter, ...park };
  const riverName = rng.pick(RIVER_NAMES);
  const lakeRoot = rng.pick(LAKE_ROOTS);
  return {
    river,
    lake,
    lakePark,
    lakeRoot,
    bodies: [
      { id: 'river', kind: 'river', name: text(riverName), polygon: riverRing(river) },
      {
        id: 'lake',
        kind: 'lake',
        name: { zh: lakeRoot[0], en: `${lakeRoot[1]} Lake` },
        polygon: ellipseRing(lake, 48, 0.06, rng.range(0, Math.PI)),
      },
    ],
  };
}

/** A lake on one side of the river, moved away from it until the whole park is on dry land. */
function placeLake(
  rng: Rng,
  river: River,
  half: number,
  parkRadiusX: number,
  parkRadiusY: number,
): XY {
  const x = rng.range(-0.5, 0.5) * half;
  const preferred = rng.chance(0.5) ? 1 : -1;
  for (const side of [preferred, -preferred]) {
    for (let gap = 0.1 * half; gap < half; gap += 0.05 * half) {
      const center: XY = [
        x,
        riverCenterY(river, x) + side * (riverHalfWidth(river, x) + parkRadiusY + gap),
      ];
      const park: Ellipse = { center, radiusX: parkRadiusX, radiusY: parkRadiusY };
      const insideCity = Math.abs(center[1]) + parkRadiusY < half * 0.85;
      if (insideCity && ellipseRing(park, 32).every((p) => !inRiver(river, p, 40))) return center;
    }
  }
  throw new Error('no room for the lake');
}

/** The river's banks from the west edge of the city to the east edge. */
function riverRing(river: River): XY[] {
  const half = river.halfExtentM;
  const steps = Math.ceil((2 * half) / 50);
  const north: XY[] = [];
  const south: XY[] = [];
  for (let k = 0; k <= steps; k++) {
    const x = -half + (2 * half * k) / steps;
    const y = riverCenterY(river, x);
    const w = riverHalfWidth(river, x);
    north.push([x, y + w]);
    south.push([x, y - w]);
  }
  return [...south, ...north.reverse()];
}
