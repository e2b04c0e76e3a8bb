/**
 * The REST contract's response shapes, validated at the edge. Anything a source sends passes
 * through these before the rest of the app sees it, so a malformed or hostile body becomes one
 * clear per-resource error instead of a crash deeper down. `docs/api/openapi.yaml` documents the
 * same shapes for integrators; a test checks the mock backend against that document.
 */
import { z } from 'zod';
import type { PackedTexts } from './packed-texts';

/** Text from a source is capped: a megabyte-long "name" is an attack or a bug, not a name. */
export const MAX_TEXT = 400;
const text = z.string().max(MAX_TEXT);

export const localizedTextSchema = z.object({ zh: text, en: text });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const longitude = z.number().finite().min(-180).max(180);
const latitude = z.number().finite().min(-90).max(90);
export const positionSchema = z.tuple([longitude, latitude]).rest(z.number().finite());
export type Position = z.infer<typeof positionSchema>;

export const bboxSchema = z.tuple([longitude, latitude, longitude, latitude]);
export type BBox = z.infer<typeof bboxSchema>;

const ring = z.array(positionSchema).min(4);
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Point'), coordinates: positionSchema }),
  z.object({ type: z.literal('LineString'), coordinates: z.array(positionSchema).min(2) }),
  z.object({
    type: z.literal('MultiLineString'),
    coordinates: z.array(z.array(positionSchema).min(2)),
  }),
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)) }),
]);
export type Geometry = z.infer<typeof geometrySchema>;

/** Property values a feature may carry: flat scalars, or a localized name. */
const propertyValue = z.union([
  text,
  z.number().finite(),
  z.boolean(),
  z.null(),
  localizedTextSchema,
]);
export const propertiesSchema = z.record(z.string().max(64), propertyValue);
export type FeatureProperties = z.infer<typeof propertiesSchema>;

export const featureSchema = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string().min(1).max(128), z.number().int()]).transform(String),
  geometry: geometrySchema,
  properties: propertiesSchema,
});
export type Feature = z.infer<typeof featureSchema>;

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(featureSchema),
});
export type FeatureCollection = z.infer<typeof featureCollectionSchema>;

export const geometryKindSchema = z.enum(['point', 'line', 'polygon']);
export type GeometryKind = z.infer<typeof geometryKindSchema>;

export const stateFieldSchema = z.object({
  key: z.string().max(64),
  unit: z.string().max(32).optional(),
});

export const datasetSchema = z.object({
  id: z.string().max(64),
  domain: z.string().max(64),
  geometryKind: geometryKindSchema,
  /** How often the live state changes, in seconds; null when the dataset has no live state. */
  stateCadenceS: z.number().positive().max(86_400).nullable(),
  /** How often the geometry itself changes (events that come and go); null when it is static. */
  geometryCadenceS: z.number().positive().max(86_400).nullable(),
  stateFields: z.array(stateFieldSchema).max(64),
});
export type Dataset = z.infer<typeof datasetSchema>;

export const catalogSchema = z.object({
  city: z.object({
    id: z.string().max(64),
    name: localizedTextSchema,
    center: positionSchema,
    zoom: z.number().min(0).max(22),
    bbox: bboxSchema,
    /** IANA time zone of the city (its clocks and daily profiles), e.g. Asia/Shanghai. */
    timezone: z.string().max(64).optional(),
  }),
  datasets: z.array(datasetSchema).max(500),
});
export type Catalog = z.infer<typeof catalogSchema>;

/*
 * The long arrays of live state (a value per feature, up to millions) are checked in one plain
 * loop each, not an element schema per value: the same rules, at a fraction of the cost, since an
 * update is validated on every refresh. The first bad element is reported with its index.
 */
const isArray = (value: unknown): value is unknown[] => Array.isArray(value);

/** Feature ids: text of 1–128 characters, or integers (given as text). */
const featureIdListSchema = z
  .custom<unknown[]>(isArray, { message: 'expected an array of feature ids' })
  .transform((ids, ctx) => {
    const out = new Array<string>(ids.length);
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (typeof id === 'string' && id.length >= 1 && id.length <= 128) out[k] = id;
      else if (typeof id === 'number' && Number.isInteger(id)) out[k] = String(id);
      else {
        ctx.issues.push({
          code: 'custom',
          message: 'expected a feature id (text of 1–128 characters, or an integer)',
          input: id,
          path: [k],
        });
        return z.NEVER;
      }
    }
    return out;
  });

/** A column of readings: finite numbers, or null for "no reading". */
const readingColumnSchema = z
  .custom<unknown[]>(isArray, { message: 'expected an array of readings' })
  .transform((values, ctx) => {
    for (let k = 0; k < values.length; k++) {
      const value = values[k];
      if (value !== null && !(typeof value === 'number' && Number.isFinite(value))) {
        ctx.issues.push({
          code: 'custom',
          message: 'expected a finite number or null',
          input: value,
          path: [k],
        });
        return z.NEVER;
      }
    }
    return values as (number | null)[];
  });

/**
 * Live state as compact columns: `ids[i]` is the feature id that row i describes, and every column
 * has exactly one number (or null for "no reading") per row.
 */
export const liveStateSchema = z
  .object({
    dataset: z.string().max(64),
    observedAt: z.iso.datetime({ offset: true }),
    cadenceS: z.number().positive().max(86_400),
    /** Present in a delta: the rows are those changed since this time, the others are as they were. */
    since: z.iso.datetime({ offset: true }).optional(),
    ids: featureIdListSchema,
    columns: z.record(z.string().max(64), readingColumnSchema),
  })
  .superRefine((state, ctx) => {
    for (const [key, column] of Object.entries(state.columns)) {
      if (column.length !== state.ids.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', key],
          message: `column has ${column.length} values for ${state.ids.length} ids`,
        });
      }
    }
  });
export type LiveState = z.infer<typeof liveStateSchema>;

/**
 * Live state as the app holds it: as validated, or with its columns already in typed arrays
 * (NaN for "no reading") when it was decoded off the main thread, its ids then packed as UTF-8
 * (`packedIds`, outside the JS heap: a million ids as strings would cost some 40 MB of it) and
 * `ids` empty.
 */
export type LiveReadings = Omit<LiveState, 'columns'> & {
  readonly columns: Readonly<Record<string, ArrayLike<number | null>>>;
  readonly packedIds?: PackedTexts;
};

export const areaLevelSchema = z.enum(['city', 'district', 'subdistrict', 'grid']);
export type AreaLevel = z.infer<typeof areaLevelSchema>;

export const areaFeatureSchema = featureSchema.extend({
  properties: z.object({
    name: localizedTextSchema,
    level: areaLevelSchema,
    parentId: z.string().max(128).nullable(),
  }),
});
export const areasSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(areaFeatureSchema),
});
export type Areas = z.infer<typeof areasSchema>;

export const basemapLabelSchema = z.object({
  kind: z.enum(['district', 'road', 'water', 'place']),
  text: localizedTextSchema,
  position: positionSchema,
  /** Lower rank = more important; used to thin labels at low zoom. */
  rank: z.number().int().min(0).max(10),
});
export type BasemapLabel = z.infer<typeof basemapLabelSchema>;

/** The embedded base map: the same city model as the data, as plain GeoJSON layers. */
export const basemapSchema = z.object({
  water: featureCollectionSchema,
  landuse: featureCollectionSchema,
  parks: featureCollectionSchema,
  roads: featureCollectionSchema,
  buildings: featureCollectionSchema,
  districts: featureCollectionSchema,
  labels: z.array(basemapLabelSchema),
});
export type Basemap = z.infer<typeof basemapSchema>;

/** The simulated clock of a demo backend (GET/POST /clock). */
export const clockSchema = z.object({
  mode: z.enum(['live', 'running', 'paused']),
  time: z.iso.datetime({ offset: true }),
  speed: z.number().positive().max(100_000),
  controllable: z.boolean(),
});
export type Clock = z.infer<typeof clockSchema>;

export const scenarioRunSchema = z.object({
  runId: z.string().max(128),
  scenarioId: z.string().max(64),
  startAt: z.iso.datetime({ offset: true }),
  endAt: z.iso.datetime({ offset: true }),
  status: z.enum(['scheduled', 'running', 'finished']),
  eventCount: z.number().int().min(0),
});
export type ScenarioRun = z.infer<typeof scenarioRunSchema>;

export const scenariosSchema = z.object({
  scenarios: z
    .array(
      z.object({
        id: z.string().max(64),
        title: localizedTextSchema,
        description: localizedTextSchema,
        durationS: z.number().min(0),
      }),
    )
    .max(100),
  runs: z.array(scenarioRunSchema).max(10_000),
});
export type Scenarios = z.infer<typeof scenariosSchema>;

export type ClockAction =
  | { action: 'pause' | 'resume' | 'live' }
  | { action: 'speed'; speed: number }
  | { action: 'jump'; time: string };
