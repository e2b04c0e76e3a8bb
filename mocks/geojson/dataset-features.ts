/**
 * The geometry of each dataset as the API serves it (properties as in docs/api/datasets.md).
 * Static datasets are built once per city; the fire alarms are the set active at the time asked
 * for, quantised to the dataset's geometry cadence.
 */
import type { FeatureCollection, LocalizedText } from '../../src/data/schemas';
import type { CityModel } from '../city/generate-city';
import { perCity } from '../city/per-city';
import type { PipeNetwork } from '../city/pipes';
import type { ServicedNetwork } from '../city/service-lines';
import { geometryCadenceS, type DatasetId, type DynamicDatasetId } from '../datasets';
import { isoWithOffset, quantize } from '../live/clock';
import { activeAlarms, alarmName } from '../live/fire-alarms';
import { featureCollection, lineFeature, pointFeature, polygonFeature } from './features';

type StaticDatasetId = Exclude<DatasetId, DynamicDatasetId>;

const BUILDERS: Readonly<Record<StaticDatasetId, (city: CityModel) => FeatureCollection>> = {
  'traffic.roads': (city) =>
    featureCollection(
      city.roadSegments.map((segment) =>
        lineFeature(city.origin, segment.id, segment.points, {
          name: segment.name,
          roadClass: segment.roadClass,
          freeFlowKmh: segment.freeFlowKmh,
          lanes: segment.lanes,
          oneway: segment.oneway,
          lengthM: segment.lengthM,
        }),
      ),
    ),
  'pipes.water': (city) => pipeCollection(city, 'water'),
  'pipes.drainage': (city) => pipeCollection(city, 'drainage'),
  'pipes.gas': (city) => pipeCollection(city, 'gas'),
  'pipes.nodes': (city) =>
    featureCollection(
      city.pipeNodes.map((node) =>
        pointFeature(city.origin, node.id, node.position, {
          name: node.name,
          nodeKind: node.nodeKind,
          network: node.network,
        }),
      ),
    ),
  'fire.stations': (city) =>
    featureCollection(
      city.fireStations.map((station) =>
        pointFeature(city.origin, station.id, station.position, {
          name: station.name,
          units: station.units,
          phone: station.phone,
        }),
      ),
    ),
  'fire.hydrants': (city) =>
    featureCollection(
      city.hydrants.map((hydrant) =>
        pointFeature(city.origin, hydrant.id, hydrant.position, {
          name: hydrant.name,
          flowLpm: hydrant.flowLpm,
        }),
      ),
    ),
  'public-spaces.spaces': (city) =>
    featureCollection(
      city.publicSpaces.map((space) =>
        polygonFeature(city.origin, space.id, [space.polygon, ...space.holes], {
          name: space.name,
          spaceKind: space.spaceKind,
          capacity: space.capacity,
          areaM2: space.areaM2,
        }),
      ),
    ),
};

const SERVICE_LINE_NAMES: Readonly<Record<ServicedNetwork, LocalizedText>> = {
  water: { zh: '给水接户管', en: 'water service line' },
  drainage: { zh: '排水接户管', en: 'sewer connection' },
};

const buildingsById = perCity((city) => new Map(city.buildings.map((b) => [b.id, b])));

/** Street pipes first, then service lines, in the order of the network's state rows. */
function pipeCollection(city: CityModel, network: PipeNetwork): FeatureCollection {
  const buildings = buildingsById(city);
  return featureCollection([
    ...city.pipes
      .filter((pipe) => pipe.network === network)
      .map((pipe) =>
        lineFeature(city.origin, pipe.id, pipe.points, {
          name: pipe.name,
          diameterMm: pipe.diameterMm,
          material: pipe.material,
          zone: pipe.zone,
          ...(network === 'gas' ? { pressureClass: pipe.pressureClass } : {}),
        }),
      ),
    ...city.serviceLines
      .filter((line) => line.network === network)
      .map((line) => {
        const address = buildings.get(line.buildingId)?.address ?? { zh: '', en: '' };
        const kind = SERVICE_LINE_NAMES[line.network];
        return lineFeature(city.origin, line.id, line.points, {
          name: {
            zh: `${address.zh} ${kind.zh} DN${line.diameterMm}`,
            en: `${address.en} ${kind.en} DN${line.diameterMm}`,
          },
          diameterMm: line.diameterMm,
          material: line.material,
          zone: line.zone,
          service: true,
          pipeId: line.pipeId,
        });
      }),
  ]);
}

const staticCollections = perCity(() => new Map<StaticDatasetId, FeatureCollection>());

export function datasetFeatures(
  city: CityModel,
  datasetId: DatasetId,
  timeMs: number,
): FeatureCollection {
  if (datasetId === 'fire.alarms') return alarmFeatures(city, timeMs);
  // Engines on the move come from the simulation (mocks/sim/fire); without it none are out.
  if (datasetId === 'fire.units') return featureCollection([]);
  const cache = staticCollections(city);
  let collection = cache.get(datasetId);
  if (!collection) {
    collection = BUILDERS[datasetId](city);
    cache.set(datasetId, collection);
  }
  return collection;
}

function alarmFeatures(city: CityModel, timeMs: number): FeatureCollection {
  const at = quantize(timeMs, geometryCadenceS('fire.alarms') ?? 5);
  return featureCollection(
    activeAlarms(city, at).map((alarm) =>
      pointFeature(city.origin, alarm.id, alarm.position, {
        name: alarmName(alarm),
        alarmKind: alarm.alarmKind,
        severity: alarm.severity,
        status: alarm.status,
        startedAt: isoWithOffset(alarm.startedAtMs),
        address: alarm.address,
      }),
    ),
  );
}
