/**
 * The OGC API – Features reader against a real MapServer 8 (scripts/servers), serving the town's
 * fixtures. Runs where `CITYOPS_OGC_URL` is set: CI starts the servers and sets it
 * (`scripts/servers/with-servers.sh npm test` does the same on a workstation).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import turfBbox from '@turf/bbox';
import { bboxesIntersect } from '../../src/data/bbox';
import { AdapterError } from '../../src/data/errors';
import { ogcApiFeaturesReader } from '../../src/data/sources/ogc-api-features';
import { ogcApiFeaturesSourceSchema } from '../../src/data/sources/source-config';
import { featureCollectionSchema, type BBox } from '../../src/data/schemas';
import { fixturePath } from '../helpers/fixtures';

const OGC_URL = process.env.CITYOPS_OGC_URL;
/** The server's page size cap (`oga_max_limit` in scripts/servers/mapserver/cityops.map). */
const SERVER_MAX_LIMIT = 500;

const fixture = (datasetId: string) =>
  featureCollectionSchema.parse(
    JSON.parse(readFileSync(fixturePath(datasetId, 'features'), 'utf8')),
  );

const reader = (collection: string, overrides: Record<string, unknown> = {}) =>
  ogcApiFeaturesReader(
    'traffic.roads',
    ogcApiFeaturesSourceSchema.parse({
      adapter: 'ogc-api-features',
      url: OGC_URL,
      collection,
      fields: { 'name.zh': 'name_zh', 'name.en': 'name_en' },
      ...overrides,
    }),
    { fetch: (input, init) => fetch(input, init), timeoutMs: 20_000, now: Date.now },
  );

describe.skipIf(!OGC_URL)('OGC API – Features against MapServer 8', () => {
  const roads = fixture('traffic.roads');
  /** The western two-thirds of the town: more than two of the server's pages, not all roads. */
  const [west, south, east, north] = turfBbox(roads);
  const bbox: BBox = [west, south, west + ((east - west) * 2) / 3, north];
  const inBbox = roads.features.filter((road) => {
    const [w, s, e, n] = turfBbox(road);
    return bboxesIntersect([w, s, e, n], bbox);
  });

  it('reads the roads within a bbox over several pages: the same ids, names and shapes', async () => {
    expect(inBbox.length).toBeGreaterThan(2 * SERVER_MAX_LIMIT);
    expect(inBbox.length).toBeLessThan(roads.features.length);
    // Asking for more per page than the server gives: the offsets follow what came.
    const fetched = await reader('roads', { pageSize: 1_000 }).read({ bbox }, {});
    expect(fetched.truncated).toBeUndefined();
    const table = fetched.data;
    expect(table.length).toBe(inBbox.length);
    const expected = new Map(inBbox.map((road) => [road.id, road]));
    for (let index = 0; index < table.length; index++) {
      const road = expected.get(table.id(index));
      expect(road, table.id(index)).toBeDefined();
      expect(table.feature(index).properties).toEqual(road!.properties);
      expect(table.feature(index).geometry).toEqual(road!.geometry);
    }
  });

  it('stops at the cap and says how many the server matched', async () => {
    const fetched = await reader('roads', { maxFeatures: 600 }).read({ bbox }, {});
    expect(fetched.data.length).toBe(600);
    expect(fetched.truncated).toEqual({ loaded: 600, matched: inBbox.length });
  });

  it('reads points (hydrants) by the same path', async () => {
    const hydrants = fixture('fire.hydrants');
    const fetched = await reader('hydrants').read({}, {});
    expect(fetched.data.length).toBe(hydrants.features.length);
    expect(fetched.data.binary?.type).toBe('Point');
  });

  it('reads one road on its own, the same as in the pages', async () => {
    const road = roads.features[3]!;
    const { data } = await reader('roads').feature!(road.id, {});
    expect(data).toEqual(road);
  });

  it('reports an unknown collection with the collections the server has', async () => {
    const error = await reader('nope')
      .read({ bbox }, {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdapterError);
    expect((error as AdapterError).message).toBe(
      'traffic.roads: collection: the server has no collection "nope" (it has: roads, hydrants, water_pipes, spaces)',
    );
    expect((error as AdapterError).status).toBe(404);
  });

  it('reports a field mapping that names a property the collection does not have', async () => {
    const error = await reader('roads', { fields: { roadClass: 'ROAD_CLASS' } })
      .read({ bbox }, {})
      .catch((caught: unknown) => caught);
    expect((error as AdapterError).message).toMatch(
      /^traffic\.roads: fields\.roadClass: the source has no property "ROAD_CLASS" \(it has: .*roadClass/u,
    );
  });
});
