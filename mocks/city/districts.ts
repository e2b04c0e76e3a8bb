/**
 * Districts (区): a coarse lattice over the city whose inner corners are moved and whose borders
 * wiggle. Neighbouring districts share the very same border points, so they tile the city with
 * no gaps or overlaps.
 */
import type { LocalizedText } from '../../src/data/schemas';
import { distance, lerp, pointInRing, ringCentroid, type Ring, type XY } from './geo';
import { DISTRICT_ROOTS, type NamePair } from './names';
import type { Rng } from './prng';
import type { ScaleParameters } from './scale';

export interface District {
  readonly id: string;
  readonly name: LocalizedText;
  /** The name without 区 / District, for things named after the district. */
  readonly root: NamePair;
  readonly polygon: Ring;
  readonly centroid: XY;
}

const BORDER_POINTS = 8;

export function planDistricts(rng: Rng, scale: ScaleParameters): District[] {
  const half = scale.halfExtentM;
  const [columns, rows] = rng.pick(scale.districtLayouts);
  const corners = latticeCorners(rng, half, columns, rows);
  const borders = new Map<string, XY[]>();
  const border = (key: string, from: XY, to: XY, onCityEdge: boolean): XY[] => {
    let points = borders.get(key);
    if (!points) {
      points = wigglyBorder(rng, from, to, onCityEdge ? 0 : 0.05 * distance(from, to));
      borders.set(key, points);
    }
    return points;
  };
  const corner = (a: number, b: number): XY => corners[b * (columns + 1) + a]!;
  const roots = rng.shuffle(DISTRICT_ROOTS);
  const districts: District[] = [];
  for (let b = 0; b < rows; b++) {
    for (let a = 0; a < columns; a++) {
      const bottom = border(`h:${a}:${b}`, corner(a, b), corner(a + 1, b), b === 0);
      const right = border(
        `v:${a + 1}:${b}`,
        corner(a + 1, b),
        corner(a + 1, b + 1),
        a + 1 === columns,
      );
      const top = border(`h:${a}:${b + 1}`, corner(a, b + 1), corner(a + 1, b + 1), b + 1 === rows);
      const left = border(`v:${a}:${b}`, corner(a, b), corner(a, b + 1), a === 0);
      // Counter-clockwise; each border contributes all its points but the last.
      const polygon = [
        ...bottom.slice(0, -1),
        ...right.slice(0, -1),
        ...[...top].reverse().slice(0, -1),
        ...[...left].reverse().slice(0, -1),
      ];
      const root = roots[districts.length % roots.length]!;
      districts.push({
        id: `d-${String(districts.length + 1).padStart(2, '0')}`,
        name: { zh: `${root[0]}区`, en: `${root[1]} District` },
        root,
        polygon,
        centroid: ringCentroid(polygon),
      });
    }
  }
  return districts;
}

/** Lattice corners; inner ones move freely, ones on the city edge slide along it. */
function latticeCorners(rng: Rng, half: number, columns: number, rows: number): XY[] {
  const cellW = (2 * half) / columns;
  const cellH = (2 * half) / rows;
  const corners: XY[] = [];
  for (let b = 0; b <= rows; b++) {
    for (let a = 0; a <= columns; a++) {
      const innerX = a > 0 && a < columns;
      const innerY = b > 0 && b < rows;
      const x = -half + a * cellW + (innerX ? rng.range(-0.15, 0.15) * cellW : 0);
      const y = -half + b * cellH + (innerY ? rng.range(-0.15, 0.15) * cellH : 0);
      corners.push([x, y]);
    }
  }
  return corners;
}

function wigglyBorder(rng: Rng, from: XY, to: XY, amplitude: number): XY[] {
  const length = distance(from, to) || 1;
  const normal: XY = [(to[1] - from[1]) / length, -(to[0] - from[0]) / length];
  const phase = rng.range(0, 2 * Math.PI);
  const points: XY[] = [from];
  for (let k = 1; k < BORDER_POINTS; k++) {
    const t = k / BORDER_POINTS;
    // sin(πt) keeps both ends fixed, so the border still meets the lattice corners.
    const shift = amplitude * Math.sin(Math.PI * t) * Math.sin(3 * Math.PI * t + phase);
    const base = lerp(from, to, t);
    points.push([base[0] + normal[0] * shift, base[1] + normal[1] * shift]);
  }
  points.push(to);
  return points;
}

/**
 * Finds the district a point lies in (the nearest one for a point exactly on a border). Each
 * district's bounding box is checked first: tens of thousands of pipes and buildings are located
 * while generating a city.
 */
export function districtLocator(districts: readonly District[]): (point: XY) => District {
  const boxes = districts.map((district) => {
    const xs = district.polygon.map((p) => p[0]);
    const ys = district.polygon.map((p) => p[1]);
    return {
      district,
      west: Math.min(...xs),
      south: Math.min(...ys),
      east: Math.max(...xs),
      north: Math.max(...ys),
    };
  });
  return (point) => {
    for (const { district, west, south, east, north } of boxes) {
      const inBox = point[0] >= west && point[0] <= east && point[1] >= south && point[1] <= north;
      if (inBox && pointInRing(point, district.polygon)) return district;
    }
    let nearest = districts[0]!;
    for (const district of districts) {
      if (distance(district.centroid, point) < distance(nearest.centroid, point))
        nearest = district;
    }
    return nearest;
  };
}
