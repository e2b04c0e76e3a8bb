/**
 * The area hierarchy (district → sub-district → grid cell) as a tree to drill down: children of
 * an area, the path from the top to an area, and whether a point lies in an area.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { AreaLevel, Areas, BBox, LocalizedText, Position } from '../../data/schemas';
import { featureBbox } from '../../map/feature-geometry';

type AreaFeature = Areas['features'][number];

export interface AreaNode {
  readonly id: string;
  readonly level: AreaLevel;
  readonly parentId: string | null;
  readonly name: LocalizedText;
  readonly bbox: BBox;
  readonly feature: AreaFeature;
}

export interface AreaTree {
  readonly byId: ReadonlyMap<string, AreaNode>;
  /** The areas under `id`; under null, the top areas (those whose parent is not an area). */
  children(id: string | null): readonly AreaNode[];
  /** From the top area down to `id` (empty for an unknown id). */
  path(id: string | null): readonly AreaNode[];
  contains(id: string, position: Position): boolean;
}

export function buildAreaTree(areas: Areas): AreaTree {
  const byId = new Map<string, AreaNode>();
  for (const feature of areas.features) {
    const id = String(feature.id);
    byId.set(id, {
      id,
      level: feature.properties.level,
      parentId: feature.properties.parentId,
      name: feature.properties.name,
      bbox: featureBbox(feature),
      feature,
    });
  }
  const childrenOf = new Map<string | null, AreaNode[]>();
  for (const node of byId.values()) {
    const parent = node.parentId !== null && byId.has(node.parentId) ? node.parentId : null;
    const list = childrenOf.get(parent) ?? [];
    list.push(node);
    childrenOf.set(parent, list);
  }
  return {
    byId,
    children: (id) => childrenOf.get(id) ?? [],
    path: (id) => {
      const path: AreaNode[] = [];
      const seen = new Set<string>();
      let node = id === null ? undefined : byId.get(id);
      // A source could name parents in a loop: follow each area once.
      while (node && !seen.has(node.id)) {
        seen.add(node.id);
        path.unshift(node);
        node = node.parentId === null ? undefined : byId.get(node.parentId);
      }
      return path;
    },
    contains: (id, position) => {
      const node = byId.get(id);
      return node ? booleanPointInPolygon([position[0], position[1]], node.feature.geometry as Parameters<typeof booleanPointInPolygon>[1]) : false;
    },
  };
}
