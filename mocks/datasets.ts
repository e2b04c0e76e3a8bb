/**
 * The datasets the demo backend serves (docs/api/datasets.md): their catalog entries, in one
 * place, so the catalog, the handlers, the live simulation and the fixtures agree on ids and
 * cadences.
 */
import type { Dataset } from '../src/data/schemas';

export type DatasetId =
  | 'traffic.roads'
  | 'pipes.water'
  | 'pipes.drainage'
  | 'pipes.gas'
  | 'pipes.nodes'
  | 'fire.stations'
  | 'fire.hydrants'
  | 'fire.alarms'
  | 'fire.units'
  | 'public-spaces.spaces';

/** Datasets whose features come and go (events on the map), with no live state columns. */
export type DynamicDatasetId = 'fire.alarms' | 'fire.units';

/** Datasets with live state columns; the others are geometry only. */
export type LiveDatasetId = Exclude<DatasetId, DynamicDatasetId>;

type DatasetDefinition = Omit<Dataset, 'id'>;

const DEFINITIONS: Readonly<Record<DatasetId, DatasetDefinition>> = {
  'traffic.roads': {
    domain: 'traffic',
    geometryKind: 'line',
    stateCadenceS: 10,
    geometryCadenceS: null,
    stateFields: [
      { key: 'speedKmh', unit: 'km/h' },
      { key: 'volumeVph', unit: 'veh/h' },
    ],
  },
  'pipes.water': {
    domain: 'pipes',
    geometryKind: 'line',
    stateCadenceS: 15,
    geometryCadenceS: null,
    stateFields: [{ key: 'pressureKpa', unit: 'kPa' }],
  },
  'pipes.drainage': {
    domain: 'pipes',
    geometryKind: 'line',
    stateCadenceS: 15,
    geometryCadenceS: null,
    stateFields: [{ key: 'fillRatio', unit: '1' }],
  },
  'pipes.gas': {
    domain: 'pipes',
    geometryKind: 'line',
    stateCadenceS: 15,
    geometryCadenceS: null,
    stateFields: [{ key: 'pressureKpa', unit: 'kPa' }],
  },
  'pipes.nodes': {
    domain: 'pipes',
    geometryKind: 'point',
    stateCadenceS: 30,
    geometryCadenceS: null,
    stateFields: [{ key: 'open' }, { key: 'running' }],
  },
  'fire.stations': {
    domain: 'fire',
    geometryKind: 'point',
    stateCadenceS: 30,
    geometryCadenceS: null,
    stateFields: [{ key: 'availableUnits' }],
  },
  'fire.hydrants': {
    domain: 'fire',
    geometryKind: 'point',
    stateCadenceS: 60,
    geometryCadenceS: null,
    stateFields: [{ key: 'inService' }],
  },
  'fire.alarms': {
    domain: 'fire',
    geometryKind: 'point',
    stateCadenceS: null,
    geometryCadenceS: 5,
    stateFields: [],
  },
  'fire.units': {
    domain: 'fire',
    geometryKind: 'point',
    stateCadenceS: null,
    geometryCadenceS: 5,
    stateFields: [],
  },
  'public-spaces.spaces': {
    domain: 'public-spaces',
    geometryKind: 'polygon',
    stateCadenceS: 20,
    geometryCadenceS: null,
    stateFields: [{ key: 'occupancy', unit: 'people' }],
  },
};

export const DATASET_IDS = Object.keys(DEFINITIONS) as DatasetId[];

export const DATASETS: readonly Dataset[] = DATASET_IDS.map((id) => ({ id, ...DEFINITIONS[id] }));

export function isDatasetId(id: string): id is DatasetId {
  return Object.hasOwn(DEFINITIONS, id);
}

export function hasLiveState(id: DatasetId): id is LiveDatasetId {
  return DEFINITIONS[id].stateCadenceS !== null;
}

export function stateCadenceS(id: LiveDatasetId): number {
  const cadence = DEFINITIONS[id].stateCadenceS;
  if (cadence === null) throw new Error(`${id} has no live state`);
  return cadence;
}

export function geometryCadenceS(id: DatasetId): number | null {
  return DEFINITIONS[id].geometryCadenceS;
}

export const LIVE_DATASET_IDS = DATASET_IDS.filter(hasLiveState);
