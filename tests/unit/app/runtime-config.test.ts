import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadRuntimeConfig,
  pageMode,
  parseRuntimeConfig,
} from '../../../src/app/config/runtime-config';

const location = (href: string) => new URL(href) as unknown as Location;

function problems(json: unknown): readonly string[] {
  try {
    parseRuntimeConfig(json, 'test');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('runtime config', () => {
  it('fills defaults for an empty config', () => {
    expect(parseRuntimeConfig({}, 'test')).toMatchObject({
      apiBaseUrl: '/api/v1',
      mock: { enabled: false },
      basemap: { kind: 'embedded' },
    });
  });
  it('names the key and what was expected', () => {
    expect(problems({ mock: { enabled: 'yes' } })[0]).toMatch(/^mock\.enabled: .*boolean/);
    expect(problems({ basemap: { kind: 'style', url: 'not a url' } })[0]).toMatch(
      /^basemap\.url: /,
    );
    expect(problems({ requestTimeoutMs: 10 })[0]).toMatch(/^requestTimeoutMs: /);
  });
  it('rejects unknown keys (a typo must not be silently ignored)', () => {
    expect(problems({ apiBaseURL: '/x' })[0]).toMatch(/apiBaseURL/);
  });
  it('loads from ?config= and reports an unreachable or broken file', async () => {
    const seen: string[] = [];
    const ok = (async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ apiBaseUrl: 'https://city.example/api' }));
    }) as typeof fetch;
    const config = await loadRuntimeConfig(location('https://ops.example/?config=/wall.json'), ok);
    expect(seen).toEqual(['https://ops.example/wall.json']);
    expect(config.apiBaseUrl).toBe('https://city.example/api');

    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch;
    await expect(loadRuntimeConfig(location('https://ops.example/'), down)).rejects.toThrow(
      ConfigError,
    );
    const notJson = (async () => new Response('<html>')) as typeof fetch;
    await expect(
      loadRuntimeConfig(location('https://ops.example/'), notJson),
    ).rejects.toMatchObject({
      problems: ['(root): not valid JSON'],
    });
    const missing = (async () => new Response('', { status: 404 })) as typeof fetch;
    await expect(
      loadRuntimeConfig(location('https://ops.example/'), missing),
    ).rejects.toMatchObject({
      problems: ['https://ops.example/cityops.config.json: HTTP 404'],
    });
  });
});

describe('wall screen config', () => {
  it('defaults to the console, with a default wall (no tour: the city, then each district)', () => {
    const config = parseRuntimeConfig({}, 'test');
    expect(config.mode).toBe('console');
    expect(config.wall).toEqual({ tour: [], preemptSeverity: 3, holdS: 60, watchdogS: 180 });
  });

  it('reads a tour, and refuses bad views key by key', () => {
    const config = parseRuntimeConfig(
      {
        mode: 'wall',
        wall: { tour: [{ areaId: 'd-01', layers: ['traffic.roads'], durationS: 15 }] },
      },
      'test',
    );
    expect(config.wall.tour).toEqual([
      { areaId: 'd-01', layers: ['traffic.roads'], durationS: 15 },
    ]);
    let error: unknown;
    try {
      parseRuntimeConfig(
        { wall: { tour: [{ areaId: '<script>', durationS: 1 }], holdS: -1 } },
        'test',
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'wall.holdS',
      'wall.tour.0.areaId',
      'wall.tour.0.durationS',
    ]);
  });

  it('reads per-dataset sources, with their defaults', () => {
    const config = parseRuntimeConfig(
      {
        sources: {
          'traffic.roads': {
            geometry: {
              adapter: 'ogc-api-features',
              url: 'https://gis.city.example/ogcapi',
              collection: 'roads',
              fields: { 'name.zh': 'NAME_CN' },
            },
          },
          'fire.hydrants': {
            geometry: { adapter: 'geojson', url: 'https://data.city.example/hydrants.geojson' },
          },
        },
      },
      'test',
    );
    expect(config.sources['traffic.roads']!.geometry).toMatchObject({
      pageSize: 500,
      maxFeatures: 100_000,
      headers: {},
      fields: { 'name.zh': 'NAME_CN' },
    });
    expect(config.sources['fire.hydrants']!.geometry!.adapter).toBe('geojson');
  });
  it('refuses a bad source key by key: adapter, URL, collection, field names, limits', () => {
    expect(
      problems({
        sources: { 'traffic.roads': { geometry: { adapter: 'wfs', url: 'https://x.example' } } },
      })[0],
    ).toMatch(/^sources\.traffic\.roads\.geometry\.adapter: /);
    const found = problems({
      sources: {
        'traffic.roads': {
          geometry: {
            adapter: 'ogc-api-features',
            url: 'ftp://gis.example/ogcapi',
            fields: { 'name.fr': 'NAME_FR' },
            pageSize: 0,
          },
        },
        'not a dataset': { geometry: { adapter: 'geojson', url: 'https://x.example/a.json' } },
      },
    });
    expect(found.map((problem) => problem.split(': ')[0]).sort()).toEqual([
      'sources.not a dataset',
      'sources.traffic.roads.geometry.collection',
      'sources.traffic.roads.geometry.fields.name.fr',
      'sources.traffic.roads.geometry.pageSize',
      'sources.traffic.roads.geometry.url',
    ]);
    expect(found.join('\n')).toMatch(/http\(s\) URL/);
  });
  describe('a catalog in the config (a city with no REST backend)', () => {
    const city = {
      id: 'riverton',
      name: { zh: '河镇', en: 'Riverton' },
      center: [121.45, 31.2],
      zoom: 13,
      bbox: [121.4, 31.15, 121.5, 31.25],
    };
    const roads = {
      id: 'traffic.roads',
      domain: 'traffic',
      geometryKind: 'line',
      stateCadenceS: null,
      geometryCadenceS: null,
      stateFields: [],
    };
    const hydrants = {
      ...roads,
      id: 'fire.hydrants',
      domain: 'fire',
      geometryKind: 'point',
      stateCadenceS: 60,
    };
    const roadsSource = {
      geometry: { adapter: 'geojson', url: 'https://data.example/roads.geojson' },
    };
    const style = { kind: 'style', url: 'https://maps.example/style.json' };

    it('is taken when every dataset has its sources and the base map is a style', () => {
      const config = parseRuntimeConfig(
        {
          catalog: { city, datasets: [roads] },
          sources: { 'traffic.roads': roadsSource },
          basemap: style,
        },
        'test',
      );
      expect(config.catalog?.city.id).toBe('riverton');
      expect(config.catalog?.datasets.map((dataset) => dataset.id)).toEqual(['traffic.roads']);
    });

    it('names each dataset that has nothing to be read from, and the embedded base map', () => {
      expect(
        problems({
          catalog: { city, datasets: [roads, hydrants] },
          sources: {
            'fire.hydrants': {
              geometry: { adapter: 'geojson', url: 'https://data.example/h.geojson' },
            },
          },
        }),
      ).toEqual([
        'catalog.datasets.0: "traffic.roads" needs sources.traffic.roads.geometry: there is no backend to read its features from',
        'catalog.datasets.1.stateCadenceS: "fire.hydrants" has live state: it needs sources.fire.hydrants.state, or null here',
        'basemap: the embedded base map comes from the REST backend: with a catalog in the config, give a style URL',
      ]);
    });

    it('is checked like the REST catalog', () => {
      expect(
        problems({ catalog: { city: { ...city, zoom: 40 }, datasets: [] }, basemap: style })[0],
      ).toMatch(/^catalog\.city\.zoom: /u);
    });
  });

  it('lets the URL choose the mode, ignoring anything else', () => {
    const config = parseRuntimeConfig({}, 'test');
    expect(pageMode(config, { search: '?mode=wall' })).toBe('wall');
    expect(pageMode({ ...config, mode: 'wall' }, { search: '?mode=console' })).toBe('console');
    expect(pageMode(config, { search: '?mode=<b>' })).toBe('console');
  });
});
