/**
 * Which area each feature lies in, so that every figure can be narrowed to the area chosen:
 * each feature's anchor (a point, a line's middle, a polygon's centre) is placed once in the
 * smallest area that holds it (a grid cell), and an area's features are then those placed in
 * the cells under it. Computed once per geometry and area tree, and kept as long as both are.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { FeatureTable } from '../../data/feature-table';
import { tableAnchor } from '../../map/feature-geometry';
import type { AreaNode, AreaTree } from './area-tree';

/** Whether the feature at an index is in scope (in the chosen area). */
export type InScope = (index: number) => boolean;

export const EVERYWHERE: InScope = () => true;

interface Placement {
  readonly leaves: readonly AreaNode[];
  /** Per feature, the index in `leaves` of the area it lies in; -1 outside every area. */
  readonly leafOf: Int32Array;
  /** Per area id, the features in it (built on first use). */
  readonly masks: Map<string, Uint8Array>;
}

type PolygonGeometry = Parameters<typeof booleanPointInPolygon>[1];

function leavesOf(tree: AreaTree): AreaNode[] {
  return [...tree.byId.values()].filter((node) => tree.children(node.id).length === 0);
}

function place(geometry: FeatureTable, tree: AreaTree): Placement {
  const leaves = leavesOf(tree);
  const leafOf = new Int32Array(geometry.length).fill(-1);
  if (leaves.length > 0) {
    const index = new Flatbush(leaves.length);
    for (const leaf of leaves) index.add(...leaf.bbox);
    index.finish();
    for (let i = 0; i < geometry.length; i++) {
      const anchor = tableAnchor(geometry, i);
      if (!anchor) continue;
      const [x, y] = anchor;
      const found = index
        .search(x, y, x, y)
        .find((candidate) =>
          booleanPointInPolygon([x, y], leaves[candidate]!.feature.geometry as PolygonGeometry),
        );
      if (found !== undefined) leafOf[i] = found;
    }
  }
  return { leaves, leafOf, masks: new Map() };
}

const placements = new WeakMap<AreaTree, WeakMap<FeatureTable, Placement>>();

function placementOf(geometry: FeatureTable, tree: AreaTree): Placement {
  let byGeometry = placements.get(tree);
  if (!byGeometry) {
    byGeometry = new WeakMap();
    placements.set(tree, byGeometry);
  }
  let placement = byGeometry.get(geometry);
  if (!placement) {
    placement = place(geometry, tree);
    byGeometry.set(geometry, placement);
  }
  return placement;
}

/** The features of `geometry` in the area `areaId` (every feature when no area is chosen). */
export function featuresInArea(
  geometry: FeatureTable,
  tree: AreaTree | null,
  areaId: string | null,
): InScope {
  if (!tree || areaId === null || !tree.byId.has(areaId)) return EVERYWHERE;
  const placement = placementOf(geometry, tree);
  let mask = placement.masks.get(areaId);
  if (!mask) {
    const under = placement.leaves.map((leaf) =>
      tree.path(leaf.id).some((node) => node.id === areaId),
    );
    mask = new Uint8Array(placement.leafOf.length);
    placement.leafOf.forEach((leaf, i) => {
      if (leaf >= 0 && under[leaf]) mask![i] = 1;
    });
    placement.masks.set(areaId, mask);
  }
  const inArea = mask;
  return (index) => inArea[index] === 1;
}
