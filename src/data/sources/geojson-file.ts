/**
 * Geometry from a static GeoJSON file by URL: read whole, its properties mapped as the config
 * says. A bbox asked for is applied here (a file cannot filter), by each feature's extent.
 */
import { z } from 'zod';
import type { GeometryReader, SourceRequestOptions } from './ogc-api-features';
import { featureTable } from '../feature-table';
import { requestJson } from '../http-client';
import turfBbox from '@turf/bbox';
import { bboxesIntersect } from '../bbox';
import type { BBox, Feature } from '../schemas';
import type { GeoJsonSource } from './source-config';
import { checkMapping, mapFeatures, sourceFeatureSchema } from './source-features';

const fileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(sourceFeatureSchema),
});

export function geoJsonFileReader(
  resource: string,
  source: GeoJsonSource,
  request: SourceRequestOptions,
): GeometryReader {
  return {
    async read(query, { signal } = {}) {
      const body = await requestJson({
        url: source.url,
        schema: fileSchema,
        resource,
        fetch: request.fetch,
        timeoutMs: request.timeoutMs,
        headers: { Accept: 'application/geo+json, application/json;q=0.9', ...source.headers },
        signal,
      });
      checkMapping(body.features, source, resource);
      const features = mapFeatures(body.features, source, resource);
      const { bbox } = query;
      return {
        data: featureTable(bbox ? features.filter((feature) => meets(feature, bbox)) : features),
        fetchedAt: request.now(),
      };
    },
  };
}

function meets(feature: Feature, bbox: BBox): boolean {
  const [west, south, east, north] = turfBbox(feature.geometry);
  return bboxesIntersect([west, south, east, north], bbox);
}
