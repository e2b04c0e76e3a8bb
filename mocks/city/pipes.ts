/**
 * Water supply, drainage and gas networks laid under the streets: one pipe per street segment,
 * each network at its own fixed shift from the road centreline, so that pipes of one network
 * still meet at the intersections and the three networks never draw on top of each other.
 * Pumps and valves sit on the water network, valves on gas, manholes on drainage.
 */
import type { LocalizedText } from '../../src/data/schemas';
import { districtLocator, type District } from './districts';
import { pointAlong, polylineLength, spreadPoints, translate, type XY } from './geo';
import type { Rng } from './prng';
import type { RoadEdge, RoadGraph, RoadNode } from './road-graph';

export type PipeNetwork = 'water' | 'drainage' | 'gas';
export type PipeNodeKind = 'pump' | 'valve' | 'manhole';

export interface Pipe {
  readonly id: string;
  readonly network: PipeNetwork;
  readonly edgeId: number;
  readonly from: number;
  readonly to: number;
  readonly points: readonly XY[];
  readonly name: LocalizedText;
  readonly diameterMm: number;
  readonly material: string;
  /** Gas only: mains along arterials carry medium pressure, the rest low pressure. */
  readonly pressureClass: 'low' | 'medium' | null;
  /** Along an arterial (a main) rather than a side street (a distribution pipe). */
  readonly main: boolean;
  /** The service zone: the id of the district the pipe lies in. */
  readonly zone: string;
}

export interface PipeNode {
  readonly id: string;
  readonly nodeKind: PipeNodeKind;
  readonly network: PipeNetwork;
  readonly roadNodeId: number;
  readonly position: XY;
  readonly name: LocalizedText;
}

/** Where each network runs relative to the road centreline (metres east, north). */
export const NETWORK_SHIFT_M: Readonly<Record<PipeNetwork, XY>> = {
  water: [8, 8],
  drainage: [-3, 3],
  gas: [-8, -8],
};

const PIPE_NAMES: Readonly<Record<PipeNetwork, LocalizedText>> = {
  water: { zh: '给水管', en: 'water main' },
  drainage: { zh: '排水管', en: 'sewer' },
  gas: { zh: '燃气管', en: 'gas main' },
};

/** Share of side streets with a gas pipe (not every street is on the gas grid). */
const GAS_COVERAGE = 0.75;

export interface PipeNetworks {
  readonly pipes: readonly Pipe[];
  readonly nodes: readonly PipeNode[];
}

export interface PipeLayout {
  readonly graph: RoadGraph;
  readonly districts: readonly District[];
  readonly streetName: (edge: RoadEdge) => LocalizedText;
  readonly intersectionName: (node: RoadNode) => LocalizedText;
  readonly pumpCount: number;
}

export function layPipes(rng: Rng, layout: PipeLayout): PipeNetworks {
  const { graph, districts, streetName, intersectionName, pumpCount } = layout;
  const districtAt = districtLocator(districts);
  const pipes: Pipe[] = [];
  for (const edge of graph.edges) {
    // Expressways are elevated: the networks follow the streets underneath instead.
    if (edge.roadClass === 'expressway') continue;
    const main = edge.roadClass === 'arterial';
    const street = streetName(edge);
    const zone = districtAt(pointAlong(edge.points, polylineLength(edge.points) / 2)).id;
    const pipe = (
      network: PipeNetwork,
      diameterMm: number,
      material: string,
      pressureClass: Pipe['pressureClass'],
    ): Pipe => ({
      id: `p${network[0]}-${edge.id}`,
      network,
      edgeId: edge.id,
      from: edge.from,
      to: edge.to,
      points: edge.points.map((p) => translate(p, NETWORK_SHIFT_M[network])),
      name: {
        zh: `${street.zh} ${PIPE_NAMES[network].zh} DN${diameterMm}`,
        en: `${street.en} ${PIPE_NAMES[network].en} DN${diameterMm}`,
      },
      diameterMm,
      material,
      pressureClass,
      main,
      zone,
    });
    pipes.push(
      main
        ? pipe('water', rng.pick([300, 400, 500, 600]), 'ductile-iron', null)
        : pipe(
            'water',
            rng.pick([100, 150, 200]),
            rng.pick(['ductile-iron', 'PE', 'cast-iron']),
            null,
          ),
      main
        ? pipe('drainage', rng.pick([800, 1000, 1200]), 'concrete', null)
        : pipe('drainage', rng.pick([300, 400, 500, 600]), rng.pick(['concrete', 'PVC']), null),
    );
    if (main) pipes.push(pipe('gas', rng.pick([200, 250, 300]), 'steel', 'medium'));
    else if (rng.chance(GAS_COVERAGE))
      pipes.push(pipe('gas', rng.pick([100, 110, 160]), 'PE', 'low'));
  }
  return { pipes, nodes: placeNetworkNodes(rng, graph, pipes, intersectionName, pumpCount) };
}

function placeNetworkNodes(
  rng: Rng,
  graph: RoadGraph,
  pipes: readonly Pipe[],
  intersectionName: (node: RoadNode) => LocalizedText,
  pumpCount: number,
): PipeNode[] {
  const incident = (network: PipeNetwork): Map<number, Pipe[]> => {
    const byNode = new Map<number, Pipe[]>();
    for (const pipe of pipes) {
      if (pipe.network !== network) continue;
      for (const nodeId of [pipe.from, pipe.to]) {
        const list = byNode.get(nodeId);
        if (list) list.push(pipe);
        else byNode.set(nodeId, [pipe]);
      }
    }
    return byNode;
  };
  const nodes: PipeNode[] = [];
  const add = (
    id: string,
    nodeKind: PipeNodeKind,
    network: PipeNetwork,
    roadNode: RoadNode,
    label: LocalizedText,
  ): void => {
    const at = intersectionName(roadNode);
    nodes.push({
      id,
      nodeKind,
      network,
      roadNodeId: roadNode.id,
      position: translate(roadNode.position, NETWORK_SHIFT_M[network]),
      name: { zh: `${at.zh} ${label.zh}`, en: `${label.en}, ${at.en}` },
    });
  };

  const water = incident('water');
  const waterMainNodes = graph.nodes.filter((node) =>
    water.get(node.id)?.some((pipe) => pipe.main),
  );
  const center: XY = [0, 0];
  const pumps = spreadPoints(waterMainNodes, pumpCount, (node) => node.position, center);
  const pumpIds = new Set(pumps.map((node) => node.id));
  pumps.forEach((node, k) =>
    add(`pump-${k + 1}`, 'pump', 'water', node, { zh: '加压泵站', en: 'Booster pump station' }),
  );
  for (const node of graph.nodes) {
    const pipesHere = water.get(node.id) ?? [];
    const onMain = pipesHere.some((pipe) => pipe.main);
    if (pumpIds.has(node.id) || pipesHere.length < 3 || !(onMain || rng.chance(0.3))) continue;
    add(`vw-${node.id}`, 'valve', 'water', node, { zh: '给水阀门', en: 'Water valve' });
  }
  const gas = incident('gas');
  for (const node of graph.nodes) {
    const pipesHere = gas.get(node.id) ?? [];
    const onMain = pipesHere.some((pipe) => pipe.main);
    if (pipesHere.length === 0 || !((onMain && pipesHere.length >= 3) || rng.chance(0.12)))
      continue;
    add(`vg-${node.id}`, 'valve', 'gas', node, { zh: '燃气阀门', en: 'Gas valve' });
  }
  const drainage = incident('drainage');
  for (const node of graph.nodes) {
    if (drainage.has(node.id))
      add(`mh-${node.id}`, 'manhole', 'drainage', node, { zh: '检查井', en: 'Manhole' });
  }
  return nodes;
}
