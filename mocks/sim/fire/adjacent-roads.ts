/**
 * The streets next to a building: where its fire engines park and hoses run, so a fire closes
 * them to traffic. The nearest street edge and any other within a few metres of as near (a
 * corner building fronts two), both directions of travel. Expressways are elevated and stay open.
 */
import type { Building } from '../../city/buildings';
import type { CityModel } from '../../city/generate-city';
import type { XY } from '../../city/geo';
import { perCity } from '../../city/per-city';
import { roadNetwork } from '../routing/road-network';

/** Edges up to this much farther than the nearest one also front the building. */
const FRONTAGE_SLACK_M = 15;
const MAX_EDGES = 2;

export interface Frontage {
  /** Road segment ids (both directions of each fronting street edge). */
  readonly segmentIds: readonly string[];
  /** The point on the nearest street closest to the building: where the engines park. */
  readonly scene: XY;
}

const buildingsById = perCity(
  (city: CityModel) => new Map(city.buildings.map((building) => [building.id, building])),
);
const frontages = perCity(() => new Map<string, Frontage>());

export function buildingById(city: CityModel, id: string): Building | undefined {
  return buildingsById(city).get(id);
}

export function frontage(city: CityModel, building: Building): Frontage {
  const cache = frontages(city);
  let found = cache.get(building.id);
  if (!found) {
    found = computeFrontage(city, building);
    cache.set(building.id, found);
  }
  return found;
}

function computeFrontage(city: CityModel, building: Building): Frontage {
  const near: { edge: number; distance: number; point: XY }[] = [];
  for (const edge of city.roads.edges) {
    if (edge.roadClass === 'expressway') continue;
    const { distance, point } = closestOnPolyline(edge.points, building.center);
    near.push({ edge: edge.id, distance, point });
  }
  near.sort((a, b) => a.distance - b.distance || a.edge - b.edge);
  const nearest = near[0];
  if (!nearest) return { segmentIds: [], scene: building.center };
  const edges = new Set(
    near
      .slice(0, MAX_EDGES)
      .filter((candidate) => candidate.distance <= nearest.distance + FRONTAGE_SLACK_M)
      .map((candidate) => candidate.edge),
  );
  const network = roadNetwork(city);
  const segmentIds = network.segmentIds.filter((_, i) => edges.has(network.edgeId[i]!));
  return { segmentIds, scene: nearest.point };
}

function closestOnPolyline(points: readonly XY[], p: XY): { distance: number; point: XY } {
  let best = { distance: Infinity, point: p };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const length2 = dx * dx + dy * dy;
    const u =
      length2 > 0
        ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2))
        : 0;
    const point: XY = [a[0] + u * dx, a[1] + u * dy];
    const distance = Math.hypot(p[0] - point[0], p[1] - point[1]);
    if (distance < best.distance) best = { distance, point };
  }
  return best;
}
