/**
 * Where a dataset's data comes from when it is not the project's own REST contract: per dataset,
 * in the runtime config, so an integrator connects a city's existing services without a rebuild.
 * Each kind of source has its schema here; the readers are next to it.
 */
import { z } from 'zod';

/** Header names and values sent with every request to the source (e.g. an API key). */
const headersSchema = z
  .record(
    z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/u, 'expected an HTTP header name'),
    z.string().max(4_096),
  )
  .default({});

/**
 * Layer property ← source property. A target with a dot fills one language of a localized name
 * (`"name.zh": "NAME_CN"`); other source properties are kept under their own names.
 */
const fieldsSchema = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z_][\w]*(\.(zh|en))?$/u, 'expected a property name, or name.zh / name.en'),
    z.string().min(1).max(128),
  )
  .default({});

const httpUrl = z.url({ protocol: /^https?$/u, error: 'expected an http(s) URL' });

export const ogcApiFeaturesSourceSchema = z
  .object({
    adapter: z.literal('ogc-api-features'),
    /** The API's landing page, e.g. `https://gis.city.example/ogcapi`. */
    url: httpUrl,
    /** The collection id, as in `/collections/{collection}`. */
    collection: z.string().min(1).max(256),
    /** The source property that holds the feature id; omitted, the feature's own `id`. */
    idProperty: z.string().min(1).max(128).optional(),
    fields: fieldsSchema,
    /** Features asked for per page (servers may send fewer: MapServer clamps to its maximum). */
    pageSize: z.number().int().min(1).max(10_000).default(500),
    /** At most this many features are loaded; the layer says when there were more. */
    maxFeatures: z.number().int().min(1).max(2_000_000).default(100_000),
    headers: headersSchema,
  })
  .strict();

export const geoJsonSourceSchema = z
  .object({
    adapter: z.literal('geojson'),
    /** A GeoJSON FeatureCollection file. */
    url: httpUrl,
    idProperty: z.string().min(1).max(128).optional(),
    fields: fieldsSchema,
    headers: headersSchema,
  })
  .strict();

export const geometrySourceSchema = z.discriminatedUnion('adapter', [
  ogcApiFeaturesSourceSchema,
  geoJsonSourceSchema,
]);

export const datasetSourceSchema = z
  .object({
    /** Where the dataset's features come from. */
    geometry: geometrySourceSchema,
  })
  .strict();

/** Dataset id (as in the catalog) → its source. */
export const datasetSourcesSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/u, 'expected a dataset id'),
    datasetSourceSchema,
  )
  .default({});

export type OgcApiFeaturesSource = z.infer<typeof ogcApiFeaturesSourceSchema>;
export type GeoJsonSource = z.infer<typeof geoJsonSourceSchema>;
export type GeometrySource = z.infer<typeof geometrySourceSchema>;
export type DatasetSource = z.infer<typeof datasetSourceSchema>;
export type DatasetSources = z.infer<typeof datasetSourcesSchema>;
