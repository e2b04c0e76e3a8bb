/**
 * The traffic dataset's features: one per direction of travel. A two-way road becomes two
 * features drawn a few metres to the right of their direction (as traffic drives in China), so
 * both directions stay visible and each can have its own speed; a one-way road is one feature.
 */
import type { LocalizedText } from '../../src/data/schemas';
import { offsetPolyline, type XY } from './geo';
import type { RoadGraph } from './road-graph';
import type { RoadClass } from './street-grid';

export interface RoadSegment {
  /** `r-<edge>-f` / `r-<edge>-b` for the two directions of a two-way road, `r-<edge>` for one-way. */
  readonly id: string;
  readonly edgeId: number;
  /** In the direction of travel. */
  readonly points: readonly XY[];
  readonly roadClass: RoadClass;
  readonly name: LocalizedText;
  readonly freeFlowKmh: number;
  readonly lanes: number;
  readonly oneway: boolean;
  readonly lengthM: number;
}

/** Distance from the centreline to the middle of each carriageway. */
const CARRIAGEWAY_OFFSET_M: Readonly<Record<RoadClass, number>> = {
  expressway: 8,
  arterial: 6,
  local: 4,
};

export function directedRoadSegments(graph: RoadGraph): RoadSegment[] {
  const segments: RoadSegment[] = [];
  for (const edge of graph.edges) {
    const common = {
      edgeId: edge.id,
      roadClass: edge.roadClass,
      name: graph.streets[edge.streetId]!.name,
      freeFlowKmh: edge.freeFlowKmh,
      lanes: edge.lanes,
      oneway: edge.oneway,
      lengthM: edge.lengthM,
    };
    if (edge.oneway) {
      segments.push({ ...common, id: `r-${edge.id}`, points: edge.points });
      continue;
    }
    const offset = CARRIAGEWAY_OFFSET_M[edge.roadClass];
    segments.push({ ...common, id: `r-${edge.id}-f`, points: offsetPolyline(edge.points, offset) });
    segments.push({
      ...common,
      id: `r-${edge.id}-b`,
      points: offsetPolyline([...edge.points].reverse(), offset),
    });
  }
  return segments;
}
