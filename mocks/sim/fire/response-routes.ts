/**
 * Routes for fire engines. Going out, engines run with sirens: traffic makes way, so they drive
 * at least EMERGENCY_SHARE of free-flow speed, but a closed road stays closed, except the
 * streets their own fire closed, which they are the reason for. Coming back, they drive with
 * traffic. Search results are cached per speed map, which the engine caches per time, so
 * evaluating the same fires again at the next T costs no new searches.
 */
import type { CityModel } from '../../city/generate-city';
import { perCity } from '../../city/per-city';
import { nearestNode, roadNetwork, type RoadNetwork } from '../routing/road-network';
import {
  segmentTimesS,
  shortestRoute,
  treeToNode,
  type Route,
  type TreeToNode,
} from '../routing/shortest-path';

/** Share of free-flow speed an engine with sirens keeps however heavy the traffic. */
const EMERGENCY_SHARE = 0.4;
/** Speed on the streets closed by the engine's own fire, km/h. */
const SCENE_STREET_KMH = 10;

type Speeds = ReadonlyMap<string, number>;

const emergencyCache = new WeakMap<Speeds, Float64Array>();
const normalCache = new WeakMap<Speeds, Float64Array>();
const treeCache = new WeakMap<Speeds, Map<string, TreeToNode>>();
const returnCache = new WeakMap<Speeds, Map<string, Route | null>>();

function emergencyTimesS(network: RoadNetwork, speeds: Speeds): Float64Array {
  let times = emergencyCache.get(speeds);
  if (!times) {
    times = new Float64Array(network.segmentCount);
    for (let i = 0; i < network.segmentCount; i++) {
      const freeFlow = network.freeFlowKmh[i]!;
      const speed = speeds.get(network.segmentIds[i]!) ?? freeFlow;
      times[i] =
        speed <= 0
          ? Infinity
          : (network.lengthM[i]! * 3.6) / Math.max(speed, EMERGENCY_SHARE * freeFlow);
    }
    emergencyCache.set(speeds, times);
  }
  return times;
}

export interface ResponseTree {
  readonly tree: TreeToNode;
  readonly costS: Float64Array;
}

/**
 * Fastest emergency times from every node to a fire's building node: one search ranks all
 * stations. `sceneSegments` are the streets the fire itself closed.
 */
export function responseTree(
  city: CityModel,
  speeds: Speeds,
  buildingId: string,
  buildingNode: number,
  sceneSegments: readonly string[],
): ResponseTree {
  const network = roadNetwork(city);
  const base = emergencyTimesS(network, speeds);
  const costS = base.slice();
  for (const id of sceneSegments) {
    const i = network.segmentIndex.get(id);
    if (i !== undefined) costS[i] = (network.lengthM[i]! * 3.6) / SCENE_STREET_KMH;
  }
  let trees = treeCache.get(speeds);
  if (!trees) {
    trees = new Map();
    treeCache.set(speeds, trees);
  }
  const key = buildingId;
  let tree = trees.get(key);
  if (!tree) {
    tree = treeToNode(network, buildingNode, costS);
    trees.set(key, tree);
  }
  return { tree, costS };
}

/**
 * The way back to the station, in traffic. Closed streets are crawled through at walking pace
 * rather than never: an engine always gets home, however long it takes.
 */
export function returnRoute(
  city: CityModel,
  speeds: Speeds,
  fromNode: number,
  toNode: number,
): { route: Route; costS: Float64Array } | null {
  const network = roadNetwork(city);
  let costS = normalCache.get(speeds);
  if (!costS) {
    costS = segmentTimesS(network, speeds);
    for (let i = 0; i < costS.length; i++)
      if (costS[i] === Infinity) costS[i] = (network.lengthM[i]! * 3.6) / SCENE_STREET_KMH;
    normalCache.set(speeds, costS);
  }
  let routes = returnCache.get(speeds);
  if (!routes) {
    routes = new Map();
    returnCache.set(speeds, routes);
  }
  const key = `${fromNode}:${toNode}`;
  let route = routes.get(key);
  if (route === undefined) {
    route = shortestRoute(network, fromNode, toNode, costS);
    routes.set(key, route);
  }
  return route ? { route, costS } : null;
}

const stationNodes = perCity((city: CityModel) =>
  city.fireStations.map((station) => nearestNode(roadNetwork(city), station.position)),
);
const buildingNodes = perCity(() => new Map<string, number>());

export function stationNode(city: CityModel, stationIndex: number): number {
  return stationNodes(city)[stationIndex]!;
}

export function buildingNode(
  city: CityModel,
  buildingId: string,
  centre: readonly [number, number],
): number {
  const cache = buildingNodes(city);
  let node = cache.get(buildingId);
  if (node === undefined) {
    node = nearestNode(roadNetwork(city), centre);
    cache.set(buildingId, node);
  }
  return node;
}
