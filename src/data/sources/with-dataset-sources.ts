/**
 * An adapter whose datasets may each come from a source of their own (the runtime config's
 * `sources`): those datasets' geometry is read from it, everything else (the catalog, live state,
 * alarms, areas, base map) from the base adapter. A source is asked for the features within the
 * city's extent (the catalog's bbox), not for all it has.
 */
import type { DataAdapter, GeometryQuery } from '../adapter';
import { geoJsonFileReader } from './geojson-file';
import {
  ogcApiFeaturesReader,
  type GeometryReader,
  type SourceRequestOptions,
} from './ogc-api-features';
import type { BBox } from '../schemas';
import type { DatasetSources, GeometrySource } from './source-config';

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
  }
}

export function withDatasetSources(
  base: DataAdapter,
  sources: DatasetSources,
  request: SourceRequestOptions,
): DataAdapter {
  const readers = new Map(
    Object.entries(sources).map(([datasetId, source]) => [
      datasetId,
      geometryReader(datasetId, source.geometry, request),
    ]),
  );
  if (readers.size === 0) return base;

  // The city's extent, read once (again after a failure).
  let cityBbox: Promise<BBox> | null = null;
  const extent = (signal?: AbortSignal) => {
    cityBbox ??= base.getCatalog({ signal }).then(
      (catalog) => catalog.data.city.bbox,
      (error: unknown) => {
        cityBbox = null;
        throw error;
      },
    );
    return cityBbox;
  };

  return {
    ...base,
    id: `${base.id}+${[...readers.keys()].join(',')}`,
    async getGeometry(datasetId, query: GeometryQuery = {}, options = {}) {
      const reader = readers.get(datasetId);
      if (!reader) return base.getGeometry(datasetId, query, options);
      // These sources are static: a read of the past is a read of now.
      const bbox = query.bbox ?? (await extent(options.signal));
      return reader.read({ bbox }, options);
    },
  };
}
