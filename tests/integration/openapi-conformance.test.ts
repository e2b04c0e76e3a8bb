/**
 * The demo backend against the contract: every endpoint of docs/api/openapi.yaml is called on the
 * MSW handlers, and every answer (successes and errors) is validated against the schema the
 * document gives for its status, and against the app's zod schemas.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { ZodType } from 'zod';
import {
  areasSchema,
  basemapSchema,
  catalogSchema,
  featureCollectionSchema,
  liveStateSchema,
  type Catalog,
  type FeatureCollection,
} from '../../src/data/schemas';
import { createMockServer } from '../../mocks/node';

const BASE_URL = 'http://cityops.test/api/v1';
const NOW = Date.parse('2026-01-15T08:30:00+08:00');

interface Reference {
  $ref: string;
}
interface ResponseObject {
  content?: Record<string, { schema: Reference }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, { get: { responses: Record<string, ResponseObject | Reference> } }>;
  components: { schemas: Record<string, object>; responses: Record<string, ResponseObject> };
}

const doc = parse(
  readFileSync(new URL('../../docs/api/openapi.yaml', import.meta.url), 'utf8'),
) as OpenApiDocument;

/** Component schemas as one JSON Schema document (`#/components/schemas/X` → `#/$defs/X`). */
// Positions are open tuples ([lon, lat] plus an optional altitude), which strict tuples forbid.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTuples: false });
addFormats(ajv);
const SCHEMA_ID = 'https://cityops.test/openapi.json';
ajv.addSchema({
  $id: SCHEMA_ID,
  $defs: JSON.parse(
    JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'),
  ) as object,
});

function isReference(value: ResponseObject | Reference): value is Reference {
  return '$ref' in value;
}

/** The component schema name the document gives for a path and status. */
function documentedSchema(path: string, status: number): string {
  const operation = doc.paths[path]?.get;
  if (!operation) throw new Error(`${path} is not documented`);
  const declared = operation.responses[String(status)];
  if (!declared) throw new Error(`${path} does not document status ${status}`);
  const response = isReference(declared)
    ? doc.components.responses[declared.$ref.replace('#/components/responses/', '')]!
    : declared;
  const ref = response.content?.['application/json']?.schema.$ref;
  if (!ref) throw new Error(`${path} ${status} has no application/json schema`);
  return ref.replace('#/components/schemas/', '');
}

const exercised = new Set<string>();

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Calls a documented path and checks the answer against the document. */
async function call(documentedPath: string, url: string): Promise<Answer> {
  const response = await fetch(`${BASE_URL}${url}`);
  const body: unknown = await response.json();
  expect(response.headers.get('cache-control'), url).toBe('no-store');
  expect(response.headers.get('content-type'), url).toContain('application/json');
  const schemaName = documentedSchema(documentedPath, response.status);
  const validate = ajv.getSchema(`${SCHEMA_ID}#/$defs/${schemaName}`);
  if (!validate) throw new Error(`no schema ${schemaName}`);
  const valid = validate(body);
  expect(
    valid ? [] : validate.errors?.slice(0, 5),
    `${url} (${response.status}) against ${schemaName}`,
  ).toEqual([]);
  exercised.add(`${documentedPath} ${response.status}`);
  return { status: response.status, body, headers: response.headers };
}

function expectZod(schema: ZodType, body: unknown, what: string): void {
  const result = schema.safeParse(body);
  expect(result.error?.issues.slice(0, 5), what).toBeUndefined();
}

const { server, faults } = createMockServer({
  baseUrl: BASE_URL,
  seed: 42,
  scale: 'town',
  now: () => NOW,
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => faults.clearAll());
afterAll(() => server.close());

describe('the demo backend conforms to docs/api/openapi.yaml', () => {
  let catalog: Catalog;

  it('is an OpenAPI 3.1 document whose schemas compile', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    for (const name of Object.keys(doc.components.schemas)) {
      expect(ajv.getSchema(`${SCHEMA_ID}#/$defs/${name}`), name).toBeTypeOf('function');
    }
  });

  it('rejects bodies that break the contract', () => {
    const validate = (name: string, body: unknown): boolean =>
      ajv.getSchema(`${SCHEMA_ID}#/$defs/${name}`)!(body) as boolean;
    const point = (coordinates: unknown) => ({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'a', geometry: { type: 'Point', coordinates }, properties: {} },
      ],
    });
    expect(validate('FeatureCollection', point([121.47, 31.23]))).toBe(true);
    expect(validate('FeatureCollection', point(['NaN', 31.23]))).toBe(false);
    expect(validate('FeatureCollection', point([190, 31.23]))).toBe(false);
    const state = (speed: unknown) => ({
      dataset: 'traffic.roads',
      observedAt: '2026-01-15T08:30:00+08:00',
      cadenceS: 10,
      ids: ['r-1-f'],
      columns: { speedKmh: [speed] },
    });
    expect(validate('LiveState', state(42.5))).toBe(true);
    expect(validate('LiveState', state(null))).toBe(true);
    expect(validate('LiveState', state('NaN'))).toBe(false);
    expect(validate('LiveState', { ...state(1), observedAt: 'yesterday' })).toBe(false);
    expect(validate('Error', { error: { code: 'not_found', message: 'x' } })).toBe(true);
    expect(validate('Error', { message: 'x' })).toBe(false);
  });

  it('GET /catalog', async () => {
    const { status, body } = await call('/catalog', '/catalog');
    expect(status).toBe(200);
    expectZod(catalogSchema, body, 'catalog');
    catalog = catalogSchema.parse(body);
    expect(catalog.datasets.length).toBeGreaterThan(0);
  });

  it('GET /datasets/{datasetId}/features for every dataset', async () => {
    for (const dataset of catalog.datasets) {
      const { status, body } = await call(
        '/datasets/{datasetId}/features',
        `/datasets/${dataset.id}/features`,
      );
      expect(status, dataset.id).toBe(200);
      expectZod(featureCollectionSchema, body, dataset.id);
    }
  });

  it('GET /datasets/{datasetId}/features?bbox= returns the features in the box', async () => {
    const [west, south, east, north] = catalog.city.bbox;
    const box = [west, south, (west + east) / 2, (south + north) / 2];
    const all = (await call('/datasets/{datasetId}/features', '/datasets/fire.hydrants/features'))
      .body as FeatureCollection;
    const { status, body } = await call(
      '/datasets/{datasetId}/features',
      `/datasets/fire.hydrants/features?bbox=${box.join(',')}`,
    );
    expect(status).toBe(200);
    const inBox = featureCollectionSchema.parse(body).features;
    expect(inBox.length).toBeGreaterThan(0);
    expect(inBox.length).toBeLessThan(all.features.length);
    for (const feature of inBox) {
      const [lon, lat] =
        feature.geometry.type === 'Point' ? feature.geometry.coordinates : [NaN, NaN];
      expect(lon >= box[0]! && lon <= box[2]! && lat >= box[1]! && lat <= box[3]!, feature.id).toBe(
        true,
      );
    }
  });

  it('GET /datasets/{datasetId}/state for every dataset with live state', async () => {
    for (const dataset of catalog.datasets.filter((d) => d.stateCadenceS !== null)) {
      const { status, body } = await call(
        '/datasets/{datasetId}/state',
        `/datasets/${dataset.id}/state`,
      );
      expect(status, dataset.id).toBe(200);
      expectZod(liveStateSchema, body, dataset.id);
      const state = liveStateSchema.parse(body);
      expect(state.dataset).toBe(dataset.id);
      expect(state.cadenceS).toBe(dataset.stateCadenceS);
      expect(Object.keys(state.columns).sort()).toEqual(
        dataset.stateFields.map((f) => f.key).sort(),
      );
      expect(state.observedAt).toBe('2026-01-15T08:30:00+08:00');
    }
  });

  it('GET /areas', async () => {
    const { status, body } = await call('/areas', '/areas');
    expect(status).toBe(200);
    expectZod(areasSchema, body, 'areas');
    const areas = areasSchema.parse(body);
    expect(
      areas.features.every(
        (f) => f.properties.level === 'district' && f.properties.parentId === catalog.city.id,
      ),
    ).toBe(true);
  });

  it('GET /basemap', async () => {
    const { status, body } = await call('/basemap', '/basemap');
    expect(status).toBe(200);
    expectZod(basemapSchema, body, 'basemap');
    const kinds = new Set(basemapSchema.parse(body).labels.map((label) => label.kind));
    expect([...kinds].sort()).toEqual(['district', 'place', 'road', 'water']);
  });

  it.each([
    'nonsense',
    '1,2,3',
    '1,2,3,4,5',
    'a,b,c,d',
    '121.5,31.2,121.4,31.3',
    '121.4,31.3,121.5,31.2',
    '0,-91,1,0',
    '',
  ])('answers 400 with an error body to bbox=%j', async (bbox) => {
    const { status, body } = await call(
      '/datasets/{datasetId}/features',
      `/datasets/traffic.roads/features?bbox=${bbox}`,
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers 404 for an unknown dataset and for the state of a dataset without one', async () => {
    const features = await call('/datasets/{datasetId}/features', '/datasets/no.such/features');
    expect(features.status).toBe(404);
    expect(features.body).toMatchObject({ error: { code: 'not_found' } });
    const state = await call('/datasets/{datasetId}/state', '/datasets/no.such/state');
    expect(state.status).toBe(404);
    const stateless = await call('/datasets/{datasetId}/state', '/datasets/fire.alarms/state');
    expect(stateless.status).toBe(404);
    expect(stateless.body).toMatchObject({ error: { code: 'no_live_state' } });
  });

  it('answers 500 with an error body when the backend fails', async () => {
    faults.parse('catalog:500,areas:500,basemap:500,traffic.roads:500');
    for (const [path, url] of [
      ['/catalog', '/catalog'],
      ['/areas', '/areas'],
      ['/basemap', '/basemap'],
      ['/datasets/{datasetId}/features', '/datasets/traffic.roads/features'],
      ['/datasets/{datasetId}/state', '/datasets/traffic.roads/state'],
    ] as const) {
      const { status, body } = await call(path, url);
      expect(status, url).toBe(500);
      expect(body).toMatchObject({ error: { code: 'internal' } });
    }
  });

  it('has exercised every documented path and status', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item.get.responses).map((status) => `${path} ${status}`),
    );
    expect([...exercised].sort()).toEqual(documented.sort());
  });
});
