/**
 * The base adapter of a city with no REST contract backend: the catalog comes from the runtime
 * config, and every dataset from its own sources (`withDatasetSources` wraps this). It has no
 * alarms, areas, embedded base map, event stream or demo controls, and says so in its
 * capabilities, so the page leaves those parts out rather than asking and failing.
 */
import type { DataAdapter } from './adapter';
import { AdapterError } from './errors';
import type { Catalog } from './schemas';

export function configCatalogAdapter(catalog: Catalog, now: () => number): DataAdapter {
  const unsupported = (resource: string) => () =>
    Promise.reject(
      new AdapterError('unsupported', `${resource}: not served (the catalog is the config's)`, {
        resource,
      }),
    );
  return {
    id: `config:${catalog.city.id}`,
    capabilities: {
      liveState: true,
      geometryByBbox: false,
      areas: false,
      basemap: false,
      demoControls: false,
      alarms: false,
      liveStream: false,
      featureById: false,
    },
    getCatalog: () => Promise.resolve({ data: catalog, fetchedAt: now() }),
    getGeometry: (datasetId) => unsupported(datasetId)(),
    getFeature: (datasetId) => unsupported(datasetId)(),
    getLiveState: (datasetId) => unsupported(datasetId)(),
    getAreas: unsupported('areas'),
    getBasemap: unsupported('basemap'),
    getAlarms: unsupported('alarms'),
    actOnAlarm: unsupported('alarms'),
    getClock: unsupported('clock'),
    controlClock: unsupported('clock'),
    getScenarios: unsupported('scenarios'),
    triggerScenario: unsupported('scenarios'),
  };
}
