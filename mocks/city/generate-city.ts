/**
 * The demo city: a pure function of seed and scale. Same input, same city, on every screen, in
 * every test and in the fixtures. Geometry is kept in metres in the city's local frame; the
 * GeoJSON views (mocks/geojson) convert it to lon/lat.
 */
import type { BBox, LocalizedText, Position } from '../../src/data/schemas';
import { planBlocks, type Block } from './blocks';
import { placeBuildings, type Building } from './buildings';
import { planDistricts, type District } from './districts';
import { placeFireStations, placeHydrants, type FireStation, type Hydrant } from './fire-safety';
import { CITY_NAMES } from './names';
import { layPipes, type Pipe, type PipeNode } from './pipes';
import { createRng, hashInts, hashString } from './prng';
import { squareBBox } from './projection';
import { planPublicSpaces, type PublicSpace } from './public-spaces';
import { buildRoadGraph, type RoadGraph } from './road-graph';
import { layServiceLines, type ServiceLine } from './service-lines';
import { directedRoadSegments, type RoadSegment } from './road-segments';
import { SCALES, type CityScale } from './scale';
import { planStreetGrid } from './street-grid';
import { planWater, type WaterBody } from './water';

export interface CityOptions {
  readonly seed: number;
  readonly scale: CityScale;
}

export interface CityModel {
  readonly id: string;
  readonly seed: number;
  readonly scale: CityScale;
  readonly name: LocalizedText;
  /** lon/lat of the local frame's origin, the city centre. */
  readonly origin: Position;
  readonly halfExtentM: number;
  readonly bbox: BBox;
  readonly zoom: number;
  readonly districts: readonly District[];
  readonly water: readonly WaterBody[];
  readonly blocks: readonly Block[];
  readonly buildings: readonly Building[];
  readonly roads: RoadGraph;
  /** The traffic dataset: road graph edges, one feature per direction of travel. */
  readonly roadSegments: readonly RoadSegment[];
  readonly pipes: readonly Pipe[];
  /** Building connections of the water and drainage networks (the megacity preset only). */
  readonly serviceLines: readonly ServiceLine[];
  readonly pipeNodes: readonly PipeNode[];
  readonly fireStations: readonly FireStation[];
  readonly hydrants: readonly Hydrant[];
  readonly publicSpaces: readonly PublicSpace[];
}

/** A fictional city placed near 121.47° E, 31.23° N. */
export const CITY_ORIGIN: Position = [121.47, 31.23];

export function generateCity({ seed, scale }: CityOptions): CityModel {
  const parameters = SCALES[scale];
  const rng = createRng(hashInts(seed, hashString(scale)));
  const cityName = rng.fork('name').pick(CITY_NAMES);
  const water = planWater(rng.fork('water'), parameters);
  const districts = planDistricts(rng.fork('districts'), parameters);
  const grid = planStreetGrid(rng.fork('streets'), parameters);
  const roads = buildRoadGraph(rng.fork('roads'), grid, water);
  const blocks = planBlocks(rng.fork('blocks'), grid, water, parameters);
  const networks = layPipes(rng.fork('pipes'), {
    graph: roads,
    districts,
    streetName: (edge) => roads.streets[edge.streetId]!.name,
    intersectionName: (node) => {
      const across = grid.columns[node.column]!.name;
      const along = grid.rows[node.row]!.name;
      return { zh: `${across.zh}/${along.zh}`, en: `${across.en} / ${along.en}` };
    },
    pumpCount: parameters.pumps,
  });
  const arterialCrossings = roads.nodes.filter(
    (node) =>
      grid.columns[node.column]!.roadClass === 'arterial' &&
      grid.rows[node.row]!.roadClass === 'arterial',
  );
  const buildings = placeBuildings(
    rng.fork('buildings'),
    blocks,
    districts,
    parameters.halfExtentM,
  );
  const suffix = scale === 'town' ? { zh: '镇', en: 'Town' } : { zh: '市', en: 'City' };
  return {
    id: `${cityName[1].toLowerCase().replace(/[^a-z]/g, '')}-${scale}-${seed}`,
    seed,
    scale,
    name: { zh: `${cityName[0]}${suffix.zh}`, en: `${cityName[1]} ${suffix.en}` },
    origin: CITY_ORIGIN,
    halfExtentM: parameters.halfExtentM,
    bbox: squareBBox(CITY_ORIGIN, parameters.halfExtentM),
    zoom: parameters.zoom,
    districts,
    water: water.bodies,
    blocks,
    buildings,
    roads,
    roadSegments: directedRoadSegments(roads),
    pipes: networks.pipes,
    serviceLines: parameters.serviceLines
      ? layServiceLines(rng.fork('service-lines'), buildings, networks.pipes)
      : [],
    pipeNodes: networks.nodes,
    fireStations: placeFireStations(
      rng.fork('fire-stations'),
      arterialCrossings,
      districts,
      parameters.fireStations,
    ),
    hydrants: placeHydrants(rng.fork('hydrants'), roads),
    publicSpaces: planPublicSpaces(rng.fork('public-spaces'), blocks, water, cityName),
  };
}
