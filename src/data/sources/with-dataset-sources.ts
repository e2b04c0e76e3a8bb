/**
 * An adapter whose datasets may each come from sources of their own (the runtime config's
 * `sources`): a dataset's geometry, its live state or both are read from them; everything else
 * (the catalog, the other datasets, alarms, areas, the base map) from the base adapter. A
 * geometry source is asked for the features within the city's extent (the catalog's bbox), not
 * for all it has; a vector tile source answers with its tiles, which the map reads as it needs
 * them. A live state source with an MQTT broker pushes its observations as they come,
 * through the same watch as the base adapter's stream.
 */
import type { DataAdapter, Fetched, GeometryQuery, LiveStateWatch } from '../adapter';
import { AdapterError } from '../errors';
import type { Catalog, LiveReadings } from '../schemas';
import { geoJsonFileReader } from './geojson-file';
import {
  ogcApiFeaturesReader,
  type GeometryReader,
  type SourceRequestOptions,
} from './ogc-api-features';
import { sensorThingsReader, type SensorThingsReader, type StateValues } from './sensorthings';
import { hasFeed, watchSensorThings, type ConnectFeed } from './sensorthings-mqtt';
import type {
  DatasetSources,
  GeometrySource,
  MvtSource,
  PmtilesSource,
  SensorThingsSource,
} from './source-config';

function geometryReader(
  datasetId: string,
  source: GeometrySource,
  request: SourceRequestOptions,
): GeometryReader {
  switch (source.adapter) {
    case 'ogc-api-features':
      return ogcApiFeaturesReader(datasetId, source, request);
    case 'geojson':
      return geoJsonFileReader(datasetId, source, request);
    case 'pmtiles':
    case 'mvt':
      return vectorTileReader(datasetId, source, request);
  }
}

/**
 * A vector tile source's reader, loaded on its first read: its libraries (pmtiles, the MVT
 * decoder) are only downloaded when a config names such a source.
 */
function vectorTileReader(
  datasetId: string,
  source: PmtilesSource | MvtSource,
  request: SourceRequestOptions,
): GeometryReader {
  let loading: Promise<GeometryReader> | null = null;
  return {
    async read(query, options) {
      loading ??= import('./vector-tiles').then(
        (module) =>
          source.adapter === 'pmtiles'
            ? module.pmtilesReader(datasetId, source, request)
            : module.mvtReader(datasetId, source, request),
        (cause: unknown) => {
          // Loaded again on the next read (the network may be back).
          loading = null;
          throw new AdapterError('network', `${datasetId}: the vector tile reader did not load`, {
            resource: datasetId,
            cause,
          });
        },
      );
      return (await loading).read(query, options);
    },
  };
}

interface StateSourceOf {
  readonly source: SensorThingsSource;
  readonly reader: SensorThingsReader;
}

export interface DatasetSourcesOptions extends SourceRequestOptions {
  /** How an MQTT feed connects (tests); by default the `mqtt` package, loaded when needed. */
  readonly connectFeed?: ConnectFeed;
}

export function withDatasetSources(
  base: DataAdapter,
  sources: DatasetSources,
  request: DatasetSourcesOptions,
): DataAdapter {
  const geometryReaders = new Map<string, GeometryReader>();
  const stateSources = new Map<string, StateSourceOf>();
  for (const [datasetId, source] of Object.entries(sources)) {
    if (source.geometry)
      geometryReaders.set(datasetId, geometryReader(datasetId, source.geometry, request));
    if (source.state)
      stateSources.set(datasetId, {
        source: source.state,
        reader: sensorThingsReader(datasetId, source.state, request),
      });
  }
  if (geometryReaders.size === 0 && stateSources.size === 0) return base;

  // A state source's own cadence replaces the catalog's, for the whole app (polling, staleness).
  const withCadences = (catalog: Catalog): Catalog => ({
    ...catalog,
    datasets: catalog.datasets.map((dataset) => {
      const cadenceS = stateSources.get(dataset.id)?.source.cadenceS;
      return cadenceS !== undefined && dataset.stateCadenceS !== null
        ? { ...dataset, stateCadenceS: cadenceS }
        : dataset;
    }),
  });

  // The catalog, read once (again after a failure) unless the page has read it: the city's
  // extent, each dataset's cadence.
  let catalogRead: Promise<Catalog> | null = null;
  const catalog = (signal?: AbortSignal) => {
    catalogRead ??= base.getCatalog({ signal }).then(
      (fetched) => withCadences(fetched.data),
      (error: unknown) => {
        catalogRead = null;
        throw error;
      },
    );
    return catalogRead;
  };

  /** A source's values as the dataset's live state. */
  const asReadings = async (
    datasetId: string,
    values: StateValues,
    signal?: AbortSignal,
  ): Promise<LiveReadings> => {
    const dataset = (await catalog(signal)).datasets.find((entry) => entry.id === datasetId);
    if (!dataset || dataset.stateCadenceS === null)
      throw new AdapterError(
        'invalid-response',
        `${datasetId}: not a dataset with live state in the catalog`,
        {
          resource: datasetId,
        },
      );
    return { ...values, dataset: datasetId, cadenceS: dataset.stateCadenceS };
  };

  /** Why a dataset's MQTT feed is down, while it is. */
  const feedProblems = new Map<string, AdapterError>();
  const feedDatasets = [...stateSources]
    .filter(([, state]) => hasFeed(state.source))
    .map(([id]) => id);
  const baseStream =
    base.capabilities.liveStream && base.watchLiveState ? base.watchLiveState : null;

  function watchLiveState(datasetIds: readonly string[], watch: LiveStateWatch): () => void {
    const fed = datasetIds.filter((id) => feedDatasets.includes(id));
    const others = datasetIds.filter((id) => !stateSources.has(id));
    const stops = fed.flatMap((datasetId) => {
      const { source, reader } = stateSources.get(datasetId)!;
      if (!hasFeed(source)) return [];
      return watchSensorThings({
        source,
        read: () => reader.read({}, {}),
        now: request.now,
        ...(request.connectFeed ? { connect: request.connectFeed } : {}),
        onState: (values) =>
          void asReadings(datasetId, values.data).then(
            (data) => watch.onState(datasetId, { data, fetchedAt: values.fetchedAt }),
            () => undefined,
          ),
        onProblem: (problem) => {
          const before = feedProblems.get(datasetId)?.message ?? null;
          const message = problem?.message ?? null;
          if (problem === null) feedProblems.delete(datasetId);
          else feedProblems.set(datasetId, problem);
          // Read again now, so the layer says so (or stops saying it) at once.
          if (before !== message) watch.onOverdue?.(datasetId);
        },
      });
    });
    if (baseStream && others.length > 0) stops.push(baseStream(others, watch));
    return () => {
      for (const stop of stops) stop();
      for (const id of fed) feedProblems.delete(id);
    };
  }

  return {
    ...base,
    id: `${base.id}+${Object.keys(sources).join(',')}`,
    capabilities: {
      ...base.capabilities,
      liveStream: base.capabilities.liveStream || feedDatasets.length > 0,
      featureById:
        base.capabilities.featureById ||
        [...geometryReaders.values()].some((reader) => reader.feature !== undefined),
    },
    async getFeature(datasetId, featureId, options = {}) {
      const reader = geometryReaders.get(datasetId);
      if (!reader) return base.getFeature(datasetId, featureId, options);
      if (!reader.feature)
        throw new AdapterError(
          'unsupported',
          `${datasetId}: its source has no single feature read`,
          {
            resource: datasetId,
          },
        );
      return reader.feature(featureId, options);
    },
    async getCatalog(options) {
      const fetched = await base.getCatalog(options);
      const data = withCadences(fetched.data);
      // The page reads the catalog first: the sources' own lookups take this one.
      catalogRead = Promise.resolve(data);
      return { ...fetched, data };
    },
    async getGeometry(datasetId, query: GeometryQuery = {}, options = {}) {
      const reader = geometryReaders.get(datasetId);
      if (!reader) return base.getGeometry(datasetId, query, options);
      // These sources are static: a read of the past is a read of now.
      const bbox = query.bbox ?? (await catalog(options.signal)).city.bbox;
      return reader.read({ bbox }, options);
    },
    async getLiveState(datasetId, query = {}, options = {}): Promise<Fetched<LiveReadings>> {
      const state = stateSources.get(datasetId);
      if (!state) return base.getLiveState(datasetId, query, options);
      const fetched = await state.reader.read(query, options);
      const data = await asReadings(datasetId, fetched.data.readings, options.signal);
      const problem = query.at === undefined ? feedProblems.get(datasetId) : undefined;
      return {
        data,
        fetchedAt: fetched.fetchedAt,
        ...(problem ? { liveFeedProblem: problem.message } : {}),
      };
    },
    ...(baseStream || feedDatasets.length > 0 ? { watchLiveState } : {}),
  };
}
