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

/** The name of the layer inside the tiles that holds the dataset's features. */
const sourceLayerSchema = z.string().min(1).max(256);

/**
 * Vector tiles (MVT) in one PMTiles archive by URL, read by byte ranges: for a static dataset
 * too large to load whole. The zooms and the extent come from the archive's header.
 */
export const pmtilesSourceSchema = z
  .object({
    adapter: z.literal('pmtiles'),
    url: httpUrl,
    sourceLayer: sourceLayerSchema,
    /** The tile property that holds the feature id; omitted, the vector tile feature's own id. */
    idProperty: z.string().min(1).max(128).optional(),
    fields: fieldsSchema,
    headers: headersSchema,
  })
  .strict();

const zoomSchema = z.number().int().min(0).max(24);
const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-90).max(90);

/**
 * Vector tiles (MVT) from an XYZ tile server or a folder of tiles, by URL template. A server
 * says nothing of its zooms or extent, so they are configured here.
 */
export const mvtSourceSchema = z
  .object({
    adapter: z.literal('mvt'),
    /** E.g. `https://tiles.city.example/pipes/{z}/{x}/{y}.pbf`. */
    url: httpUrl.refine(
      (url) => ['{z}', '{x}', '{y}'].every((part) => url.includes(part)),
      'expected a URL template with {z}, {x} and {y}',
    ),
    sourceLayer: sourceLayerSchema,
    idProperty: z.string().min(1).max(128).optional(),
    fields: fieldsSchema,
    headers: headersSchema,
    minZoom: zoomSchema.default(0),
    /** The deepest zoom the server has tiles for; the map draws those when zoomed further in. */
    maxZoom: zoomSchema.default(14),
    /** [west, south, east, north] of the tiles: none outside it is asked for. */
    bounds: z.tuple([longitude, latitude, longitude, latitude]).optional(),
  })
  .strict()
  .refine((source) => source.maxZoom >= source.minZoom, {
    message: 'expected maxZoom at least minZoom',
    path: ['maxZoom'],
  })
  .refine((source) => !source.bounds || source.bounds[0] < source.bounds[2], {
    message: 'expected west less than east',
    path: ['bounds'],
  })
  .refine((source) => !source.bounds || source.bounds[1] < source.bounds[3], {
    message: 'expected south less than north',
    path: ['bounds'],
  });

export const geometrySourceSchema = z.discriminatedUnion('adapter', [
  ogcApiFeaturesSourceSchema,
  geoJsonSourceSchema,
  pmtilesSourceSchema,
  mvtSourceSchema,
]);

/**
 * Live state from an OGC SensorThings API (1.1): each feature is a Thing, each state column one of
 * its Datastreams (by name), the value its latest Observation. With `mqtt`, observations are also
 * taken as they are published, from the service's MQTT extension over WebSockets.
 */
export const sensorThingsSourceSchema = z
  .object({
    adapter: z.literal('sensorthings'),
    /** The service root, e.g. `https://sta.city.example/FROST-Server/v1.1`. */
    url: httpUrl,
    /** The Thing property that holds the feature id; omitted, the Thing's `name`. */
    featureIdProperty: z.string().min(1).max(128).optional(),
    /** An OData `$filter` on Things, to take only this dataset's (e.g. `properties/layer eq 'hydrants'`). */
    thingFilter: z.string().min(1).max(1_000).optional(),
    /** State column ← Datastream name. */
    columns: z
      .record(
        z.string().regex(/^[A-Za-z_]\w*$/u, 'expected a column name'),
        z.string().min(1).max(256),
      )
      .refine((columns) => Object.keys(columns).length > 0, 'expected at least one column'),
    /**
     * How often the state is read (seconds) when it is not pushed; omitted, the catalog's cadence
     * for the dataset. The layer counts as stale when it is overdue by it.
     */
    cadenceS: z.number().int().min(1).max(86_400).optional(),
    /** Things asked for per page. */
    pageSize: z.number().int().min(1).max(10_000).default(200),
    /** At most this many Things are read. */
    maxThings: z.number().int().min(1).max(1_000_000).default(100_000),
    mqtt: z
      .object({
        /** The broker's WebSocket URL, e.g. `wss://sta.city.example/mqtt`. */
        url: z.url({ protocol: /^wss?$/u, error: 'expected a ws(s) URL' }),
        /** What topics start with: the API version (`v1.1/Datastreams(7)/Observations`). */
        topicPrefix: z.string().max(64).default('v1.1'),
      })
      .strict()
      .optional(),
    headers: headersSchema,
  })
  .strict();

export const stateSourceSchema = z.discriminatedUnion('adapter', [sensorThingsSourceSchema]);

export const datasetSourceSchema = z
  .object({
    /** Where the dataset's features come from (omitted: the REST contract). */
    geometry: geometrySourceSchema.optional(),
    /** Where its live state comes from (omitted: the REST contract). */
    state: stateSourceSchema.optional(),
  })
  .strict()
  .refine((source) => source.geometry || source.state, 'expected geometry, state or both');

/** Dataset id (as in the catalog) → its source. */
export const datasetSourcesSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/u, 'expected a dataset id'),
    datasetSourceSchema,
  )
  .default({});

export type OgcApiFeaturesSource = z.infer<typeof ogcApiFeaturesSourceSchema>;
export type GeoJsonSource = z.infer<typeof geoJsonSourceSchema>;
export type PmtilesSource = z.infer<typeof pmtilesSourceSchema>;
export type MvtSource = z.infer<typeof mvtSourceSchema>;
export type GeometrySource = z.infer<typeof geometrySourceSchema>;
export type SensorThingsSource = z.infer<typeof sensorThingsSourceSchema>;
export type StateSource = z.infer<typeof stateSourceSchema>;
export type DatasetSource = z.infer<typeof datasetSourceSchema>;
export type DatasetSources = z.infer<typeof datasetSourcesSchema>;
