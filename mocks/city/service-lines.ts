/**
 * Service lines: the short pipes from a street's water main and sewer to each building beside
 * it, the bulk of a utility's asset register. Each runs from the building's centre to the
 * nearest point of the nearest pipe of its network; it carries that pipe's readings (the same
 * pressure, the same fill) and takes no part in the network's hydraulics.
 */
import Flatbush from 'flatbush';
import type { Building } from './buildings';
import { distance, lerp, type XY } from './geo';
import type { Pipe, PipeNetwork } from './pipes';
import type { Rng } from './prng';

export type ServicedNetwork = Extract<PipeNetwork, 'water' | 'drainage'>;
export const SERVICED_NETWORKS: readonly ServicedNetwork[] = ['water', 'drainage'];

export interface ServiceLine {
  readonly id: string;
  readonly network: ServicedNetwork;
  /** The street pipe it is tapped into. */
  readonly pipeId: string;
  readonly buildingId: string;
  readonly points: readonly [XY, XY];
  readonly diameterMm: number;
  readonly material: string;
  readonly zone: string;
}

/** A building farther than this from any pipe of a network gets no service line of it. */
const MAX_REACH_M = 250;
/** Candidates taken from the index by bounding box before the exact distance picks one. */
const CANDIDATES = 6;

const SIZES: Readonly<Record<ServicedNetwork, readonly number[]>> = {
  water: [25, 32, 50],
  drainage: [150, 200],
};
const MATERIALS: Readonly<Record<ServicedNetwork, readonly string[]>> = {
  water: ['PE', 'copper'],
  drainage: ['PVC', 'clay'],
};

interface NearestPoint {
  readonly point: XY;
  readonly distanceM: number;
}

function nearestOnSegment(p: XY, a: XY, b: XY): NearestPoint {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSquared));
  const point = lerp(a, b, t);
  return { point, distanceM: distance(p, point) };
}

function nearestOnPolyline(p: XY, points: readonly XY[]): NearestPoint {
  let best: NearestPoint = { point: points[0]!, distanceM: distance(p, points[0]!) };
  for (let i = 1; i < points.length; i++) {
    const candidate = nearestOnSegment(p, points[i - 1]!, points[i]!);
    if (candidate.distanceM < best.distanceM) best = candidate;
  }
  return best;
}

function pipeIndex(pipes: readonly Pipe[]): Flatbush {
  const index = new Flatbush(Math.max(1, pipes.length));
  for (const pipe of pipes) {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const [x, y] of pipe.points) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
    index.add(minX, minY, maxX, maxY);
  }
  if (pipes.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}

export function layServiceLines(
  rng: Rng,
  buildings: readonly Building[],
  pipes: readonly Pipe[],
): ServiceLine[] {
  const lines: ServiceLine[] = [];
  for (const network of SERVICED_NETWORKS) {
    const street = pipes.filter((pipe) => pipe.network === network);
    if (street.length === 0) continue;
    const index = pipeIndex(street);
    const sizes = SIZES[network];
    const materials = MATERIALS[network];
    for (const building of buildings) {
      let best: (NearestPoint & { pipe: Pipe }) | null = null;
      for (const i of index.neighbors(
        building.center[0],
        building.center[1],
        CANDIDATES,
        MAX_REACH_M,
      )) {
        const pipe = street[i]!;
        const nearest = nearestOnPolyline(building.center, pipe.points);
        if (!best || nearest.distanceM < best.distanceM) best = { ...nearest, pipe };
      }
      if (!best || best.distanceM > MAX_REACH_M) continue;
      lines.push({
        id: `s${network[0]}-${building.id}`,
        network,
        pipeId: best.pipe.id,
        buildingId: building.id,
        points: [building.center, best.point],
        diameterMm: rng.pick(sizes),
        material: rng.pick(materials),
        zone: best.pipe.zone,
      });
    }
  }
  return lines;
}
