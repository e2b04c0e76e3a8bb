import { describe, expect, it } from 'vitest';
import { geometrySourceSchema } from '../../../../src/data/sources/source-config';

const TEMPLATE = 'https://tiles.city.example/pipes/{z}/{x}/{y}.pbf';

/** Each problem as "key: message". */
function problems(json: unknown): string[] {
  const parsed = geometrySourceSchema.safeParse(json);
  expect(parsed.success).toBe(false);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('vector tile sources in the config', () => {
  it('reads a PMTiles source with its defaults', () => {
    expect(
      geometrySourceSchema.parse({
        adapter: 'pmtiles',
        url: 'https://tiles.city.example/pipes.pmtiles',
        sourceLayer: 'pipes',
        fields: { 'name.zh': 'name_zh' },
      }),
    ).toEqual({
      adapter: 'pmtiles',
      url: 'https://tiles.city.example/pipes.pmtiles',
      sourceLayer: 'pipes',
      fields: { 'name.zh': 'name_zh' },
      headers: {},
    });
  });

  it('refuses a PMTiles source without a layer, with another URL scheme or unknown keys', () => {
    expect(
      problems({
        adapter: 'pmtiles',
        url: 'ftp://tiles.city.example/pipes.pmtiles',
        minZoom: 3,
      }).sort(),
    ).toEqual([
      ': Unrecognized key: "minZoom"',
      'sourceLayer: Invalid input: expected string, received undefined',
      'url: expected an http(s) URL',
    ]);
  });

  it('reads an MVT template with its zoom defaults, and its bounds', () => {
    expect(
      geometrySourceSchema.parse({ adapter: 'mvt', url: TEMPLATE, sourceLayer: 'pipes' }),
    ).toMatchObject({ url: TEMPLATE, minZoom: 0, maxZoom: 14, headers: {}, fields: {} });
    expect(
      geometrySourceSchema.parse({
        adapter: 'mvt',
        url: TEMPLATE,
        sourceLayer: 'pipes',
        idProperty: 'PIPE_ID',
        minZoom: 8,
        maxZoom: 16,
        bounds: [121.1, 30.9, 121.9, 31.5],
        headers: { 'X-Api-Key': 'k' },
      }),
    ).toMatchObject({ minZoom: 8, maxZoom: 16, bounds: [121.1, 30.9, 121.9, 31.5] });
  });

  it('refuses a template without {z}, {x} and {y}', () => {
    for (const url of [
      'https://tiles.city.example/pipes/{z}/{x}.pbf',
      'https://tiles.city.example/pipes.pmtiles',
    ])
      expect(problems({ adapter: 'mvt', url, sourceLayer: 'pipes' })).toEqual([
        'url: expected a URL template with {z}, {x} and {y}',
      ]);
  });

  it('refuses zooms out of range or the wrong way round, and bounds that are not an extent', () => {
    expect(
      problems({ adapter: 'mvt', url: TEMPLATE, sourceLayer: 'pipes', minZoom: 12, maxZoom: 10 }),
    ).toEqual(['maxZoom: expected maxZoom at least minZoom']);
    expect(
      problems({ adapter: 'mvt', url: TEMPLATE, sourceLayer: 'pipes', maxZoom: 25 })[0],
    ).toMatch(/^maxZoom: /);
    expect(
      problems({ adapter: 'mvt', url: TEMPLATE, sourceLayer: 'pipes', minZoom: 1.5 })[0],
    ).toMatch(/^minZoom: /);
    expect(
      problems({
        adapter: 'mvt',
        url: TEMPLATE,
        sourceLayer: 'pipes',
        bounds: [121.9, 30.9, 121.1, 31.5],
      }),
    ).toEqual(['bounds: expected west less than east']);
    expect(
      problems({ adapter: 'mvt', url: TEMPLATE, sourceLayer: 'pipes', bounds: [0, 0, 1] })[0],
    ).toMatch(/^bounds/);
  });
});
