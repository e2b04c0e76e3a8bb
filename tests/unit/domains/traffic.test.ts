import { featureObjects } from '../../../src/data/feature-table';
import { pathData } from '../../../src/map/feature-geometry';
import { describe, expect, it } from 'vitest';
import { numberProperty } from '../../../src/map/feature-text';
import { trafficDomain } from '../../../src/domains/traffic';
import {
  congestionLevel,
  congestionStatus,
  speedRatio,
} from '../../../src/domains/traffic/congestion';
import { pathMidpoint } from '../../../src/domains/traffic/path-geometry';
import {
  ROAD_ARROWS_LAYER_ID,
  ROAD_ARROWS_MIN_ZOOM,
  ROADS_LAYER_ID,
  renderRoads,
  roadsLayer,
} from '../../../src/domains/traffic/roads-layer';
import { congestionColors } from '../../../src/ui/theme';
import { fixtureColumnById, loadFixtureLayerData } from '../../helpers/fixtures';
import { context, layerData, line, stateTable } from './builders';
import { accessor, deckLayer, plain, prop, updateTrigger } from './deck-props';
import { checkDomainModule, expectReadable } from './domain-checks';
import { strictTranslate } from './translate';

const roads = [
  line('r-free', {
    roadClass: 'expressway',
    freeFlowKmh: 80,
    lanes: 6,
    oneway: true,
    lengthM: 1250,
  }),
  line('r-slow', { roadClass: 'arterial', freeFlowKmh: 60, lanes: 4, oneway: false, lengthM: 420 }),
  line('r-congested', {
    roadClass: 'arterial',
    freeFlowKmh: 50,
    lanes: 4,
    oneway: false,
    lengthM: 300,
  }),
  line('r-jammed', { roadClass: 'local', freeFlowKmh: 40, lanes: 2, oneway: true, lengthM: 180 }),
  line('r-no-reading', {
    roadClass: 'local',
    freeFlowKmh: 40,
    lanes: 2,
    oneway: false,
    lengthM: 90,
  }),
  line('r-no-free-flow', { roadClass: 'local', lanes: 2 }),
  line('r-north', { roadClass: 'local', freeFlowKmh: 40 }, [
    [121.47, 31.23],
    [121.47, 31.24],
  ]),
];
const state = stateTable(
  {
    speedKmh: [70, 30, 15, 8, null, 20, 39],
    volumeVph: [3200, 900, 1100, 400, null, 100, 80],
  },
  7,
);
const data = layerData(roads, state);

describe('speedRatio', () => {
  it.each([
    [42, 60, 0.7],
    [0, 50, 0],
    [90, 60, 1.5],
    [null, 60, null],
    [40, null, null],
    [40, 0, null],
    [40, -5, null],
    [-1, 60, null],
    [Number.NaN, 60, null],
  ])('%s km/h at free flow %s → %s', (speed, freeFlow, expected) => {
    expect(speedRatio(speed, freeFlow)).toBe(expected);
  });
});

describe('congestionLevel (speed / free flow)', () => {
  it.each([
    [1.3, 'free'],
    [0.7, 'free'],
    [0.6999, 'slow'],
    [0.45, 'slow'],
    [0.4499, 'congested'],
    [0.25, 'congested'],
    [0.2499, 'jammed'],
    [0.2, 'jammed'],
    [0, 'jammed'],
    [null, 'unknown'],
    [Number.NaN, 'unknown'],
  ] as const)('%s → %s', (ratio, level) => {
    expect(congestionLevel(ratio)).toBe(level);
  });

  it.each([
    ['free', 'normal'],
    ['slow', 'normal'],
    ['congested', 'warning'],
    ['jammed', 'alarm'],
    ['unknown', 'unknown'],
  ] as const)('%s reads as status %s', (level, status) => {
    expect(congestionStatus(level)).toBe(status);
  });
});

describe('pathMidpoint', () => {
  it('finds the point halfway along the ground length and the travel direction there', () => {
    const east = pathMidpoint([
      [121.0, 31.0],
      [121.2, 31.0],
    ]);
    expect(east?.position[0]).toBeCloseTo(121.1);
    expect(east?.position[1]).toBeCloseTo(31.0);
    expect(east?.angle).toBeCloseTo(0);
    expect(
      pathMidpoint([
        [121.0, 31.1],
        [121.0, 31.0],
      ])?.angle,
    ).toBeCloseTo(-90);
  });

  it('walks multi-vertex paths by length', () => {
    const bend = pathMidpoint([
      [0, 0],
      [0, 1],
      [0, 3],
    ]);
    expect(bend?.position).toEqual([0, 1.5]);
    expect(bend?.angle).toBeCloseTo(90);
  });

  it('has no midpoint without two vertices, and no NaN for repeated vertices', () => {
    expect(pathMidpoint([[0, 0]])).toBeNull();
    expect(
      pathMidpoint([
        [1, 1],
        [1, 1],
      ]),
    ).toEqual({ position: [1, 1], angle: 0 });
  });
});

describe('traffic.roads render', () => {
  it('draws roads and direction arrows, both over the same features', () => {
    const layers = renderRoads(data, context());
    expect(layers.map((layer) => layer.id)).toEqual([ROADS_LAYER_ID, ROAD_ARROWS_LAYER_ID]);
    expect(ROAD_ARROWS_LAYER_ID).toBe('traffic.roads-arrows');
    // Roads as binary paths from the table's columns; one arrow per road.
    expect(deckLayer(layers, ROADS_LAYER_ID).props.data).toBe(pathData(data.geometry).data);
    expect(deckLayer(layers, ROADS_LAYER_ID).props.data).toMatchObject({ length: roads.length });
    expect(deckLayer(layers, ROAD_ARROWS_LAYER_ID).props.data).toEqual({ length: roads.length });
    expect(deckLayer(layers, ROADS_LAYER_ID).props.pickable).toBe(true);
    expect(deckLayer(layers, ROAD_ARROWS_LAYER_ID).props.pickable).toBe(false);
  });

  it.each([
    [0, 'free'],
    [1, 'slow'],
    [2, 'congested'],
    [3, 'jammed'],
    [4, 'unknown'],
    [5, 'unknown'],
  ] as const)('colours feature %i with the %s colour', (index, level) => {
    const color = accessor(deckLayer(renderRoads(data, context()), ROADS_LAYER_ID), 'getColor');
    expect(plain(color(roads[index]!, index))).toEqual([...congestionColors[level]]);
  });

  it('draws every road in the "no reading" colour before live state arrives', () => {
    const color = accessor(
      deckLayer(renderRoads(layerData(roads, null), context()), ROADS_LAYER_ID),
      'getColor',
    );
    roads.forEach((road, index) =>
      expect(plain(color(road, index))).toEqual([...congestionColors.unknown]),
    );
  });

  it('recolours on a state version change only, without touching geometry', () => {
    const before = deckLayer(renderRoads(data, context()), ROADS_LAYER_ID);
    const next = layerData(roads, stateTable({ speedKmh: [10, 30, 15, 8, null, 20, 39] }, 8));
    const after = deckLayer(
      renderRoads({ geometry: data.geometry, state: next.state }, context()),
      ROADS_LAYER_ID,
    );
    expect(updateTrigger(before, 'getColor')).toBe(7);
    expect(updateTrigger(after, 'getColor')).toBe(8);
    expect(after.props.data).toBe(before.props.data);
    expect(updateTrigger(after, 'getPath')).toBeUndefined();
    expect(plain(accessor(after, 'getColor')(roads[0]!, 0))).toEqual([...congestionColors.jammed]);
  });

  it('is wider for bigger roads, in metres with pixel bounds', () => {
    const layer = deckLayer(renderRoads(data, context()), ROADS_LAYER_ID);
    const width = accessor(layer, 'getWidth');
    const expressway = Number(width(roads[0]!, 0));
    const arterial = Number(width(roads[1]!, 1));
    const local = Number(width(roads[3]!, 3));
    expect(expressway).toBeGreaterThan(arterial);
    expect(arterial).toBeGreaterThan(local);
    expect(prop(layer, 'widthUnits')).toBe('meters');
    expect(Number(prop(layer, 'widthMinPixels'))).toBeGreaterThanOrEqual(1);
    expect(Number(prop(layer, 'widthMaxPixels'))).toBeGreaterThan(
      Number(prop(layer, 'widthMinPixels')),
    );
  });

  it.each([
    [ROAD_ARROWS_MIN_ZOOM - 0.01, false],
    [ROAD_ARROWS_MIN_ZOOM, true],
    [18, true],
  ])('at zoom %s arrows are visible: %s (roads always)', (zoom, arrowsVisible) => {
    const layers = renderRoads(data, context({ zoom }));
    expect(ROAD_ARROWS_MIN_ZOOM).toBe(15);
    expect(deckLayer(layers, ROAD_ARROWS_LAYER_ID).props.visible).toBe(arrowsVisible);
    // Zoomed out, no glyph is laid out.
    expect(deckLayer(layers, ROAD_ARROWS_LAYER_ID).props.data).toEqual({
      length: arrowsVisible ? roads.length : 0,
    });
    expect(deckLayer(layers, ROADS_LAYER_ID).props.visible).toBe(true);
  });

  it('points each arrow along its segment, at the segment midpoint, on the map plane', () => {
    const arrows = deckLayer(renderRoads(data, context()), ROAD_ARROWS_LAYER_ID);
    expect(prop(arrows, 'billboard')).toBe(false);
    expect(accessor(arrows, 'getAngle')(roads[0]!, 0)).toBeCloseTo(0);
    expect(accessor(arrows, 'getAngle')(roads[6]!, 6)).toBeCloseTo(90);
    const position = accessor(arrows, 'getPosition')(roads[6]!, 6) as number[];
    expect(position[0]).toBeCloseTo(121.47);
    expect(position[1]).toBeCloseTo(31.235);
    expect(accessor(arrows, 'getText')(roads[0]!, 0)).toBe('▶');
    expect(String(prop(arrows, 'characterSet'))).toContain('▶');
  });

  it('keeps the arrows hidden with the layer, whatever the zoom', () => {
    const layers = renderRoads(data, context({ visible: false, zoom: 18 }));
    expect(layers.map((layer) => layer.props.visible)).toEqual([false, false]);
  });
});

describe('traffic.roads describe', () => {
  const describeIn = (index: number, language: 'zh-CN' | 'en', table = state) =>
    roadsLayer.describe({
      feature: roads[index]!,
      index,
      state: table,
      language,
      t: strictTranslate(trafficDomain.messages, language),
    });

  it('leads with speed and level', () => {
    expect(describeIn(1, 'en').primary).toEqual({
      label: 'Traffic',
      value: '30 km/h · Slow',
      level: 'normal',
    });
    expect(describeIn(1, 'zh-CN').primary).toEqual({
      label: '路况',
      value: '30 km/h · 缓行',
      level: 'normal',
    });
    expect(describeIn(3, 'zh-CN').primary.value).toBe('8 km/h · 严重拥堵');
    expect(describeIn(3, 'en').primary.level).toBe('alarm');
  });

  it('titles the segment with its name in the reader language', () => {
    expect(describeIn(0, 'en').title).toBe('Feature r-free');
    expect(describeIn(0, 'zh-CN').title).toBe('要素r-free');
  });

  it('lists class, speeds, volume, lanes, one-way and length with units', () => {
    const rows = Object.fromEntries(describeIn(0, 'en').rows.map((row) => [row.label, row.value]));
    expect(rows).toEqual({
      'Road class': 'Expressway',
      Speed: '70 km/h',
      'Free-flow speed': '80 km/h',
      Volume: '3,200 veh/h',
      Lanes: '6 lanes',
      'One-way': 'Yes',
      Length: '1.3 km',
    });
    const zh = Object.fromEntries(describeIn(1, 'zh-CN').rows.map((row) => [row.label, row.value]));
    expect(zh).toMatchObject({
      道路等级: '主干道',
      流量: '900 辆/小时',
      单行: '否',
      长度: '420 米',
    });
  });

  it('says "no reading" instead of showing missing numbers', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      for (const index of [4, 5]) expectReadable(describeIn(index, language));
      roads.forEach((_, index) => expectReadable(describeIn(index, language, stateTable({}))));
    }
    expect(describeIn(4, 'en').primary).toEqual({
      label: 'Traffic',
      value: 'No data',
      level: 'unknown',
    });
    expect(describeIn(4, 'en').rows.find((row) => row.label === 'Speed')?.value).toBe('No reading');
    expect(describeIn(5, 'zh-CN').rows.find((row) => row.label === '自由流车速')?.value).toBe(
      '未登记',
    );
  });
});

checkDomainModule(trafficDomain, { [ROADS_LAYER_ID]: data });

describe('traffic.roads on the generated town', () => {
  const town = loadFixtureLayerData('traffic.roads');

  it('colours every segment by its own reading, matched by feature id', () => {
    const [layer] = renderRoads(town, context());
    const color = accessor(layer!, 'getColor');
    const speeds = fixtureColumnById('traffic.roads', 'speedKmh');
    const features = featureObjects(town.geometry);
    expect(features.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    features.forEach((road, index) => {
      const speed = speeds.get(road.id) ?? null;
      const expected = congestionLevel(speedRatio(speed, numberProperty(road, 'freeFlowKmh')));
      seen.add(expected);
      expect(plain(color(road, index))).toEqual([...congestionColors[expected]]);
    });
    // The generated morning rush hour has both free-flowing and jammed roads.
    expect(seen).toContain('free');
    expect(seen).toContain('jammed');
  });

  it('puts one arrow on every segment, pointing from its start towards its end', () => {
    const arrows = deckLayer(renderRoads(town, context()), ROAD_ARROWS_LAYER_ID);
    featureObjects(town.geometry)
      .slice(0, 200)
      .forEach((road, index) => {
        if (road.geometry.type !== 'LineString') return;
        const path = road.geometry.coordinates;
        const first = path[0]!;
        const last = path[path.length - 1]!;
        const overall =
          (Math.atan2(
            last[1] - first[1],
            (last[0] - first[0]) * Math.cos((first[1] * Math.PI) / 180),
          ) *
            180) /
          Math.PI;
        const angle = Number(accessor(arrows, 'getAngle')(road, index));
        const difference = Math.abs(((angle - overall + 540) % 360) - 180);
        expect(difference).toBeLessThan(90);
      });
  });

  it('describes every segment readably in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const t = strictTranslate(trafficDomain.messages, language);
      featureObjects(town.geometry).forEach((feature, index) =>
        expectReadable(roadsLayer.describe({ feature, index, state: town.state, language, t })),
      );
    }
  });
});
