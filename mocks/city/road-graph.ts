/**
 * The road graph: intersections are nodes, road segments between neighbouring intersections are
 * edges. Local streets stop at the river and the lake park; arterials cross the river on bridges;
 * expressways are elevated, so they connect only at interchanges with arterials and pass over
 * local streets, the river and the park.
 */
import type { LocalizedText } from '../../src/data/schemas';
import { lerp, polylineLength, type XY } from './geo';
import type { Rng } from './prng';
import {
  expresswayAt,
  gridIndex,
  gridLine,
  type Axis,
  type GridLine,
  type RoadClass,
  type StreetGrid,
} from './street-grid';
import { obstacleAt, type Obstacle, type WaterPlan } from './water';

export interface RoadNode {
  readonly id: number;
  readonly position: XY;
  readonly column: number;
  readonly row: number;
}

export interface RoadEdge {
  readonly id: number;
  readonly from: number;
  readonly to: number;
  /** Centreline from `from` to `to`, both included. */
  readonly points: readonly XY[];
  readonly roadClass: RoadClass;
  readonly streetId: number;
  readonly freeFlowKmh: number;
  /** Lanes per direction of travel. */
  readonly lanes: number;
  readonly oneway: boolean;
  readonly lengthM: number;
  readonly bridge: boolean;
}

/** A named road: the edges of one grid line (or one expressway), in order along it. */
export interface Street {
  readonly id: number;
  readonly name: LocalizedText;
  readonly roadClass: RoadClass;
  readonly edgeIds: number[];
}

export interface RoadGraph {
  readonly nodes: readonly RoadNode[];
  readonly edges: readonly RoadEdge[];
  readonly streets: readonly Street[];
}

/** Share of local street segments left out, so that blocks are not all the same size. */
const LOCAL_GAP_SHARE = 0.05;
/** Intersections this close to water or the lake park are not built. */
const NODE_CLEARANCE_M = 15;

export function buildRoadGraph(rng: Rng, grid: StreetGrid, water: WaterPlan): RoadGraph {
  const nodes: RoadNode[] = [];
  const edges: RoadEdge[] = [];
  const streets: Street[] = [];
  const nodeIds = new Int32Array(grid.positions.length).fill(-1);
  const streetIds = new Map<string, number>();
  const blocked = grid.positions.map((p) => obstacleAt(water, p, NODE_CLEARANCE_M) !== null);

  const nodeAt = (index: number): number => {
    if (nodeIds[index]! < 0) {
      const column = index % (grid.cells + 1);
      const row = Math.floor(index / (grid.cells + 1));
      nodeIds[index] = nodes.length;
      nodes.push({ id: nodes.length, position: grid.positions[index]!, column, row });
    }
    return nodeIds[index]!;
  };
  const streetFor = (key: string, name: LocalizedText, roadClass: RoadClass): number => {
    let id = streetIds.get(key);
    if (id === undefined) {
      id = streets.length;
      streets.push({ id, name, roadClass, edgeIds: [] });
      streetIds.set(key, id);
    }
    return id;
  };
  const addEdge = (
    fromIndex: number,
    toIndex: number,
    points: XY[],
    attributes: Pick<
      RoadEdge,
      'roadClass' | 'streetId' | 'freeFlowKmh' | 'lanes' | 'oneway' | 'bridge'
    >,
  ): void => {
    const id = edges.length;
    const from = nodeAt(fromIndex);
    const to = nodeAt(toIndex);
    edges.push({
      id,
      from,
      to,
      points,
      lengthM: Math.round(polylineLength(points) * 10) / 10,
      ...attributes,
    });
    streets[attributes.streetId]!.edgeIds.push(id);
  };

  for (const axis of ['column', 'row'] as const) {
    for (let line = 0; line <= grid.cells; line++) {
      const indices = Array.from({ length: grid.cells + 1 }, (_, k) =>
        axis === 'column' ? gridIndex(grid, line, k) : gridIndex(grid, k, line),
      );
      const gridLineInfo = gridLine(grid, axis, line);
      for (const run of segmentRuns(grid, axis, line)) {
        const runIndices = indices.slice(run.from, run.to + 1);
        if (run.expressway >= 0) {
          const expressway = grid.expressways[run.expressway]!;
          const streetId = streetFor(`x${run.expressway}`, expressway.name, 'expressway');
          const isStop = (k: number): boolean =>
            k === 0 || k === runIndices.length - 1 || isMajorCrossing(grid, axis, run.from + k);
          for (const [a, b] of stopPairs(runIndices, blocked, isStop)) {
            const points = runIndices.slice(a, b + 1).map((i) => grid.positions[i]!);
            const crossed = obstaclesAlong(water, points);
            addEdge(runIndices[a]!, runIndices[b]!, points, {
              roadClass: 'expressway',
              streetId,
              freeFlowKmh: expressway.freeFlowKmh,
              lanes: expressway.lanes,
              oneway: false,
              bridge: crossed.has('river'),
            });
          }
          continue;
        }
        const streetId = streetFor(`${axis}${line}`, gridLineInfo.name, gridLineInfo.roadClass);
        const isArterial = gridLineInfo.roadClass === 'arterial';
        for (const [a, b] of stopPairs(runIndices, blocked, () => true)) {
          // Arterials span the river (skipping the intersections that would be in it); local
          // streets only join direct neighbours.
          if (!isArterial && b !== a + 1) continue;
          if (!isArterial && rng.chance(LOCAL_GAP_SHARE)) continue;
          const points = [grid.positions[runIndices[a]!]!, grid.positions[runIndices[b]!]!];
          const crossed = obstaclesAlong(water, points);
          if (crossed.has('lake') || (!isArterial && crossed.size > 0)) continue;
          const [fromIndex, toIndex, ordered] =
            gridLineInfo.oneway === -1
              ? [runIndices[b]!, runIndices[a]!, [...points].reverse()]
              : [runIndices[a]!, runIndices[b]!, points];
          addEdge(fromIndex, toIndex, ordered, {
            roadClass: gridLineInfo.roadClass,
            streetId,
            freeFlowKmh: gridLineInfo.freeFlowKmh,
            lanes: gridLineInfo.lanes,
            oneway: gridLineInfo.oneway !== 0,
            bridge: crossed.has('river'),
          });
        }
      }
    }
  }
  return { nodes, edges, streets };
}

interface SegmentRun {
  /** First and last grid position of the run along the line (inclusive). */
  readonly from: number;
  readonly to: number;
  /** Index of the expressway on this run, or -1 for the line's own street. */
  readonly expressway: number;
}

/** Splits a line into runs of segments that belong to the same street. */
function segmentRuns(grid: StreetGrid, axis: Axis, line: number): SegmentRun[] {
  const runs: SegmentRun[] = [];
  for (let segment = 0; segment < grid.cells; segment++) {
    const expressway = expresswayAt(grid, axis, line, segment);
    const last = runs[runs.length - 1];
    if (last && last.expressway === expressway)
      runs[runs.length - 1] = { ...last, to: segment + 1 };
    else runs.push({ from: segment, to: segment + 1, expressway });
  }
  return runs;
}

/** Pairs of consecutive usable stops along a run (positions within the run). */
function stopPairs(
  runIndices: readonly number[],
  blocked: readonly boolean[],
  isStop: (k: number) => boolean,
): [number, number][] {
  const stops = runIndices.map((_, k) => k).filter((k) => !blocked[runIndices[k]!] && isStop(k));
  const pairs: [number, number][] = [];
  for (let s = 1; s < stops.length; s++) pairs.push([stops[s - 1]!, stops[s]!]);
  return pairs;
}

/** Whether the line crossing at `position` is an arterial (where expressways have interchanges). */
function isMajorCrossing(grid: StreetGrid, axis: Axis, position: number): boolean {
  const crossing: GridLine = gridLine(grid, axis === 'column' ? 'row' : 'column', position);
  return crossing.roadClass === 'arterial';
}

function obstaclesAlong(water: WaterPlan, points: readonly XY[]): Set<Obstacle> {
  const found = new Set<Obstacle>();
  for (let i = 1; i < points.length; i++) {
    for (let t = 0.1; t < 1; t += 0.1) {
      const obstacle = obstacleAt(water, lerp(points[i - 1]!, points[i]!, t));
      if (obstacle) found.add(obstacle);
    }
  }
  return found;
}
