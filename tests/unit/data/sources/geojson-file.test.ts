import { describe, expect, it } from 'vitest';
import type { FetchLike } from '../../../../src/data/http-client';
import { geoJsonFileReader } from '../../../../src/data/sources/geojson-file';
import { geoJsonSourceSchema } from '../../../../src/data/sources/source-config';
import { fakeRoads } from './fake-ogc-server';

const file: FetchLike = async () =>
  Response.json({
    type: 'FeatureCollection',
    features: fakeRoads(20).map((road) => ({ type: 'Feature', ...road })),
  });

const reader = (fetch: FetchLike) =>
  geoJsonFileReader(
    'traffic.roads',
    geoJsonSourceSchema.parse({
      adapter: 'geojson',
      url: 'https://data.example/roads.geojson',
      fields: { 'name.en': 'name_en', 'name.zh': 'name_zh' },
    }),
    { fetch, timeoutMs: 5_000, now: () => 7 },
  );

describe('GeoJSON file geometry', () => {
  it('reads the whole file, mapped, and keeps the features that meet the bbox', async () => {
    expect((await reader(file).read({}, {})).data.length).toBe(20);
    const near = await reader(file).read({ bbox: [121.39995, 31.19, 121.40045, 31.21] }, {});
    expect(near.data.length).toBe(5);
    expect(near.data.property(0, 'name')).toEqual({ zh: '路0', en: 'Road 0' });
    expect(near.fetchedAt).toBe(7);
  });

  it('reports a file that is not a FeatureCollection', async () => {
    const notGeoJson: FetchLike = async () => Response.json({ rows: [] });
    await expect(reader(notGeoJson).read({}, {})).rejects.toMatchObject({
      kind: 'invalid-response',
      resource: 'traffic.roads',
    });
  });
});
