import { describe, expect, it } from 'vitest';
import { generateCity } from '../../../mocks/city/generate-city';
import { distance } from '../../../mocks/city/geo';
import { nearestNode, nodePosition, roadNetwork } from '../../../mocks/sim/routing/road-network';
import {
  freeFlowTimesS,
  routeInTree,
  routeSegmentIds,
  segmentTimesS,
  shortestRoute,
  treeToNode,
} from '../../../mocks/sim/routing/shortest-path';
import { upstreamWithin } from '../../../mocks/sim/routing/upstream';

const town = generateCity({ seed: 42, scale: 'town' });
const network = roadNetwork(town);
const freeFlow = freeFlowTimesS(network);
/** Two connected nodes far apart: near the south-west and north-east corners. */
const west = nearestNode(network, [-1500, -1500]);
const east = nearestNode(network, [1500, 1500]);

describe('road network', () => {
  it('has one arc per road segment, in its direction of travel', () => {
    expect(network.segmentCount).toBe(town.roadSegments.length);
    // The carriageway runs a few metres beside the centreline, from its start to its end.
    let farthest = 0;
    town.roadSegments.forEach((segment, i) => {
      const from = nodePosition(network, network.from[i]!);
      const to = nodePosition(network, network.to[i]!);
      farthest = Math.max(
        farthest,
        distance(segment.points[0]!, from),
        distance(segment.points[segment.points.length - 1]!, to),
      );
    });
    expect(farthest).toBeLessThan(10);
  });

  it('is built once per city', () => {
    expect(roadNetwork(town)).toBe(network);
  });

  it('finds the nearest connected node', () => {
    const node = nearestNode(network, [10, 10]);
    expect(network.connected[node]).toBe(1);
    const d = distance(nodePosition(network, node), [10, 10]);
    for (let other = 0; other < network.nodeCount; other++) {
      if (network.connected[other])
        expect(distance(nodePosition(network, other), [10, 10])).toBeGreaterThanOrEqual(d);
    }
  });
});

describe('shortest routes', () => {
  it('returns a connected path whose time and length are the sums of its segments', () => {
    const route = shortestRoute(network, west, east, freeFlow);
    expect(route).not.toBeNull();
    const { segments, timeS, lengthM } = route!;
    expect(network.from[segments[0]!]).toBe(west);
    expect(network.to[segments[segments.length - 1]!]).toBe(east);
    for (let k = 1; k < segments.length; k++)
      expect(network.to[segments[k - 1]!]).toBe(network.from[segments[k]!]);
    expect(timeS).toBeCloseTo(
      segments.reduce((sum, s) => sum + freeFlow[s]!, 0),
      6,
    );
    expect(lengthM).toBeCloseTo(
      segments.reduce((sum, s) => sum + network.lengthM[s]!, 0),
      6,
    );
    // Not a detour: no more than twice the straight line, and at least as long.
    const straight = distance(nodePosition(network, west), nodePosition(network, east));
    expect(lengthM).toBeGreaterThanOrEqual(straight * 0.99);
    expect(lengthM).toBeLessThan(straight * 2);
  });

  it('agrees with the search towards the target from every node', () => {
    const tree = treeToNode(network, east, freeFlow);
    const direct = shortestRoute(network, west, east, freeFlow)!;
    const viaTree = routeInTree(network, tree, west, freeFlow)!;
    expect(tree.timeS[west]).toBeCloseTo(direct.timeS, 6);
    expect(viaTree.timeS).toBeCloseTo(direct.timeS, 6);
  });

  it('avoids a closed segment and takes longer when forced around it', () => {
    const route = shortestRoute(network, west, east, freeFlow)!;
    const closedId = network.segmentIds[route.segments[Math.floor(route.segments.length / 2)]!]!;
    const speeds = new Map([[closedId, 0]]);
    const detour = shortestRoute(network, west, east, segmentTimesS(network, speeds))!;
    expect(detour).not.toBeNull();
    expect(routeSegmentIds(network, detour)).not.toContain(closedId);
    expect(detour.timeS).toBeGreaterThanOrEqual(route.timeS);
  });

  it('prefers faster roads: slowing the route down moves traffic elsewhere', () => {
    const route = shortestRoute(network, west, east, freeFlow)!;
    const speeds = new Map(routeSegmentIds(network, route).map((id) => [id, 3]));
    const other = shortestRoute(network, west, east, segmentTimesS(network, speeds))!;
    expect(other.segments).not.toEqual(route.segments);
    expect(other.timeS).toBeLessThan(route.timeS * 3);
  });

  it('returns null when the target cannot be reached', () => {
    const into = new Map<string, number>();
    for (let k = network.inStart[east]!; k < network.inStart[east + 1]!; k++)
      into.set(network.segmentIds[network.inSegments[k]!]!, 0);
    expect(shortestRoute(network, west, east, segmentTimesS(network, into))).toBeNull();
  });
});

describe('upstream', () => {
  const origin = town.roadSegments.findIndex((segment) => segment.roadClass === 'arterial');
  const upstream = upstreamWithin(network, origin, 800);

  it('walks against the flow: each segment feeds one found before it (or the origin)', () => {
    expect(upstream.segments.length).toBeGreaterThan(3);
    const found = new Set([origin]);
    upstream.segments.forEach((segment) => {
      const end = network.to[segment]!;
      const feeds = [...found].some((downstream) => network.from[downstream] === end);
      expect(feeds).toBe(true);
      found.add(segment);
    });
  });

  it('is nearest first, bounded by the distance, and leaves out U-turns', () => {
    for (let k = 1; k < upstream.segments.length; k++)
      expect(upstream.distanceM[k]!).toBeGreaterThanOrEqual(upstream.distanceM[k - 1]!);
    expect(Math.max(...upstream.distanceM)).toBeLessThanOrEqual(800);
    expect([...upstream.segments]).not.toContain(origin);
    const feeders = [...upstream.segments].filter((_, k) => upstream.distanceM[k] === 0);
    for (const feeder of feeders) expect(network.edgeId[feeder]).not.toBe(network.edgeId[origin]);
  });

  it('weakens the link into cross streets', () => {
    upstream.segments.forEach((segment, k) => {
      const weight = upstream.weight[k]!;
      expect(weight).toBeGreaterThan(0);
      expect(weight).toBeLessThanOrEqual(1);
      if (upstream.distanceM[k] === 0)
        expect(weight).toBe(network.streetId[segment] === network.streetId[origin] ? 1 : 0.5);
    });
  });
});
