import { featureObjects } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import { stringProperty } from '../../../src/map/feature-text';
import { pipesDomain } from '../../../src/domains/pipes';
import {
  NETWORK_COLORS,
  NETWORK_LINE_STYLE,
  PIPE_STATUS_COLORS,
  STATUS_WIDTH_FACTOR,
} from '../../../src/domains/pipes/networks';
import {
  nodeCondition,
  nodeConditionStatus,
  type NodeCondition,
} from '../../../src/domains/pipes/node-condition';
import { NODE_FILL, NODE_MIN_ZOOM, NODE_SYMBOL } from '../../../src/domains/pipes/node-style';
import {
  NODE_SYMBOLS_LAYER_ID,
  NODES_LAYER_ID,
  nodesLayer,
  renderNodes,
} from '../../../src/domains/pipes/nodes-layer';
import {
  drainagePipesLayer,
  gasPipesLayer,
  renderPipes,
  waterPipesLayer,
} from '../../../src/domains/pipes/pipe-lines-layer';
import {
  drainageStatus,
  gasPressureClass,
  gasStatus,
  waterStatus,
} from '../../../src/domains/pipes/thresholds';
import { statusColors } from '../../../src/ui/theme';
import { fixtureColumnById, loadFixtureLayerData } from '../../helpers/fixtures';
import { context, layerData, line, point, stateTable } from './builders';
import { accessor, deckLayer, plain, prop, updateTrigger } from './deck-props';
import { checkDomainModule, expectReadable } from './domain-checks';
import { strictTranslate } from './translate';

const pipe = { diameterMm: 300, material: 'ductile-iron', zone: 'Z1' };
const water = [
  line('w-ok', pipe),
  line('w-low', pipe),
  line('w-very-low', pipe),
  line('w-none', pipe),
];
const waterData = layerData(water, stateTable({ pressureKpa: [320, 249.9, 179.9, null] }, 3));

const drainage = [
  line('d-ok', pipe),
  line('d-high', pipe),
  line('d-full', pipe),
  line('d-none', pipe),
];
const drainageData = layerData(drainage, stateTable({ fillRatio: [0.7, 0.71, 0.95, null] }, 3));

const gas = [
  line('g-low-ok', { ...pipe, material: 'PE', pressureClass: 'low' }),
  line('g-low-warn', { ...pipe, pressureClass: 'low' }),
  line('g-medium-alarm', { ...pipe, pressureClass: 'medium' }),
  line('g-no-class', { ...pipe, material: 'bamboo' }),
];
const gasData = layerData(gas, stateTable({ pressureKpa: [2.4, 1.5, 420, 2.4] }, 3));

const nodes = [
  point('n-pump-on', { nodeKind: 'pump', network: 'water' }),
  point('n-pump-off', { nodeKind: 'pump', network: 'drainage' }),
  point('n-valve-open', { nodeKind: 'valve', network: 'gas' }),
  point('n-valve-closed', { nodeKind: 'valve', network: 'water' }),
  point('n-manhole', { nodeKind: 'manhole', network: 'drainage' }),
  point('n-valve-none', { nodeKind: 'valve', network: 'gas' }),
];
const nodesData = layerData(
  nodes,
  stateTable({ running: [1, 0, null, null, null, null], open: [null, null, 1, 0, null, null] }, 5),
);

describe('water pressure thresholds (kPa)', () => {
  it.each([
    [450, 'normal'],
    [250, 'normal'],
    [249.99, 'warning'],
    [180, 'warning'],
    [179.99, 'alarm'],
    [0, 'alarm'],
    [null, 'unknown'],
    [Number.NaN, 'unknown'],
  ] as const)('%s → %s', (kpa, status) => expect(waterStatus(kpa)).toBe(status));
});

describe('drainage fill thresholds', () => {
  it.each([
    [0, 'normal'],
    [0.7, 'normal'],
    [0.7001, 'warning'],
    [0.9, 'warning'],
    [0.9001, 'alarm'],
    [1.2, 'alarm'],
    [null, 'unknown'],
  ] as const)('%s → %s', (fill, status) => expect(drainageStatus(fill)).toBe(status));
});

describe('gas pressure thresholds (kPa)', () => {
  it.each([
    [2.5, 'low', 'normal'],
    [1.6, 'low', 'normal'],
    [3.4, 'low', 'normal'],
    [1.59, 'low', 'warning'],
    [3.41, 'low', 'warning'],
    [1.2, 'low', 'warning'],
    [3.8, 'low', 'warning'],
    [1.19, 'low', 'alarm'],
    [3.81, 'low', 'alarm'],
    [200, 'medium', 'normal'],
    [80, 'medium', 'normal'],
    [350, 'medium', 'normal'],
    [79.9, 'medium', 'warning'],
    [350.1, 'medium', 'warning'],
    [50, 'medium', 'warning'],
    [400, 'medium', 'warning'],
    [49.9, 'medium', 'alarm'],
    [400.1, 'medium', 'alarm'],
    [2.5, 'medium', 'alarm'],
    [null, 'low', 'unknown'],
    [2.5, null, 'unknown'],
  ] as const)('%s at class %s → %s', (kpa, pressureClass, status) => {
    expect(gasStatus(kpa, pressureClass)).toBe(status);
  });

  it('reads only the known pressure classes', () => {
    expect(gasPressureClass('low')).toBe('low');
    expect(gasPressureClass('medium')).toBe('medium');
    expect(gasPressureClass('high')).toBeNull();
    expect(gasPressureClass(null)).toBeNull();
  });
});

describe('node condition', () => {
  it.each([
    ['pump', 1, null, 'running', 'normal'],
    ['pump', 0, null, 'stopped', 'warning'],
    ['pump', null, null, 'noReading', 'unknown'],
    ['valve', null, 1, 'open', 'normal'],
    ['valve', null, 0.5, 'open', 'normal'],
    ['valve', null, 0, 'closed', 'warning'],
    ['valve', null, null, 'noReading', 'unknown'],
    ['manhole', null, null, 'passive', null],
    [null, 1, 1, 'passive', null],
  ] as const)('%s running=%s open=%s → %s (%s)', (kind, running, open, condition, status) => {
    expect(nodeCondition(kind, running, open)).toBe(condition);
    expect(nodeConditionStatus(condition)).toBe(status);
  });
});

describe('pipe line layers', () => {
  const cases = [
    ['water', waterPipesLayer, water, waterData, ['normal', 'warning', 'alarm', 'unknown']],
    [
      'drainage',
      drainagePipesLayer,
      drainage,
      drainageData,
      ['normal', 'warning', 'alarm', 'unknown'],
    ],
    ['gas', gasPipesLayer, gas, gasData, ['normal', 'warning', 'alarm', 'unknown']],
  ] as const;

  it.each(cases)(
    'pipes.%s colours by status and widens pipes in trouble',
    (network, definition, features, data, levels) => {
      const layers = definition.render(data, context());
      expect(layers.map((layer) => layer.id)).toEqual([`pipes.${network}`]);
      const [layer] = layers;
      const color = accessor(layer!, 'getColor');
      const width = accessor(layer!, 'getWidth');
      levels.forEach((level, index) => {
        expect(plain(color(features[index]!, index)), `${network} ${index}`).toEqual([
          ...PIPE_STATUS_COLORS[level],
        ]);
        expect(width(features[index]!, index)).toBe(
          NETWORK_LINE_STYLE[network].widthPixels * STATUS_WIDTH_FACTOR[level],
        );
      });
      expect(updateTrigger(layer!, 'getColor')).toBe(3);
      expect(updateTrigger(layer!, 'getWidth')).toBe(3);
    },
  );

  it('uses the status colours, with normal pipes translucent so trouble stands out', () => {
    for (const level of ['normal', 'warning', 'alarm', 'unknown'] as const) {
      expect(PIPE_STATUS_COLORS[level].slice(0, 3)).toEqual(statusColors[level].slice(0, 3));
    }
    expect(PIPE_STATUS_COLORS.normal[3]).toBeLessThan(255);
    expect(PIPE_STATUS_COLORS.warning[3]).toBe(255);
    expect(PIPE_STATUS_COLORS.alarm[3]).toBe(255);
  });

  it('tells the networks apart by line style and width', () => {
    const solid = deckLayer(renderPipes('water', waterData, context()), 'pipes.water');
    const drains = deckLayer(renderPipes('drainage', drainageData, context()), 'pipes.drainage');
    const gasLine = deckLayer(renderPipes('gas', gasData, context()), 'pipes.gas');
    expect(prop(solid, 'extensions')).toEqual([]);
    expect((prop(drains, 'extensions') as unknown[]).length).toBe(1);
    expect((prop(gasLine, 'extensions') as unknown[]).length).toBe(1);
    expect(prop(drains, 'getDashArray')).not.toEqual(prop(gasLine, 'getDashArray'));
    const widths = new Set(Object.values(NETWORK_LINE_STYLE).map((style) => style.widthPixels));
    expect(widths.size).toBe(3);
  });

  it.each([
    ['water', waterPipesLayer, 'line'],
    ['drainage', drainagePipesLayer, 'dashed-line'],
    ['gas', gasPipesLayer, 'dotted-line'],
  ] as const)('shows the %s line style in every legend swatch', (_network, definition, shape) => {
    expect(definition.legend.length).toBeGreaterThan(0);
    for (const entry of definition.legend) expect(entry.shape, entry.labelKey).toBe(shape);
  });

  it('draws every pipe as unknown before live state arrives', () => {
    const [layer] = renderPipes('water', layerData(water, null), context());
    water.forEach((feature, index) =>
      expect(plain(accessor(layer!, 'getColor')(feature, index))).toEqual([
        ...PIPE_STATUS_COLORS.unknown,
      ]),
    );
    expect(updateTrigger(layer!, 'getColor')).toBeNull();
  });

  it('describes a pipe with its reading, status and unit', () => {
    const t = strictTranslate(pipesDomain.messages, 'en');
    const zh = strictTranslate(pipesDomain.messages, 'zh-CN');
    const input = (index: number, language: 'en' | 'zh-CN') => ({
      index,
      state: waterData.state,
      feature: water[index]!,
      language,
      t: language === 'en' ? t : zh,
    });
    expect(waterPipesLayer.describe(input(1, 'en')).primary).toEqual({
      label: 'Pressure',
      value: '249.9 kPa · Warning',
      level: 'warning',
    });
    expect(waterPipesLayer.describe(input(2, 'zh-CN')).primary).toEqual({
      label: '压力',
      value: '179.9 kPa · 报警',
      level: 'alarm',
    });
    expect(waterPipesLayer.describe(input(3, 'en')).primary).toEqual({
      label: 'Pressure',
      value: 'No reading',
      level: 'unknown',
    });
    const rows = Object.fromEntries(
      waterPipesLayer.describe(input(0, 'zh-CN')).rows.map((row) => [row.label, row.value]),
    );
    expect(rows).toEqual({
      所属管网: '供水管网',
      状态: '正常',
      压力: '320 kPa',
      管径: '300 mm',
      管材: '球墨铸铁',
      片区: 'Z1',
    });

    const edge = layerData(water, stateTable({ pressureKpa: [249.96, 250.04, 179.99, 180] }));
    const edgeText = (index: number) =>
      waterPipesLayer.describe({ ...input(index, 'en'), state: edge.state }).primary.value;
    expect([0, 1, 2, 3].map(edgeText)).toEqual([
      '249.9 kPa · Warning',
      '250 kPa · Normal',
      '179.9 kPa · Alarm',
      '180 kPa · Warning',
    ]);

    const fillEdge = layerData(drainage, stateTable({ fillRatio: [0.70001, 0.7, 0.9, 0.90001] }));
    expect(
      drainage.map(
        (feature, index) =>
          drainagePipesLayer.describe({ feature, index, state: fillEdge.state, language: 'en', t })
            .primary.value,
      ),
    ).toEqual(['70.1% · Warning', '70% · Normal', '90% · Warning', '90.1% · Alarm']);

    const fill = drainagePipesLayer.describe({
      feature: drainage[2]!,
      index: 2,
      state: drainageData.state,
      language: 'en',
      t,
    });
    expect(fill.primary).toEqual({ label: 'Fill level', value: '95% · Alarm', level: 'alarm' });

    const low = gasPipesLayer.describe({
      feature: gas[0]!,
      index: 0,
      state: gasData.state,
      language: 'en',
      t,
    });
    expect(low.primary.value).toBe('2.40 kPa · Normal');
    expect(low.rows.find((row) => row.label === 'Pressure class')?.value).toBe('Low pressure');
    expect(low.rows.find((row) => row.label === 'Material')?.value).toBe('Polyethylene (PE)');
    const unclassed = gasPipesLayer.describe({
      feature: gas[3]!,
      index: 3,
      state: gasData.state,
      language: 'zh-CN',
      t: zh,
    });
    expect(unclassed.primary.level).toBe('unknown');
    expect(unclassed.rows.find((row) => row.label === '管材')?.value).toBe('bamboo');
    expect(unclassed.rows.find((row) => row.label === '压力级制')?.value).toBe('未登记');
  });
});

describe('pipes.nodes', () => {
  it('draws discs (picked) and symbols (not picked) over the same features', () => {
    const layers = renderNodes(nodesData, context());
    expect(layers.map((layer) => layer.id)).toEqual([NODES_LAYER_ID, NODE_SYMBOLS_LAYER_ID]);
    expect(NODE_SYMBOLS_LAYER_ID).toBe('pipes.nodes-symbols');
    for (const layer of layers) expect(layer.props.data).toBe(featureObjects(nodesData.geometry));
    expect(featureObjects(nodesData.geometry)).toEqual(nodes);
  });

  it.each([
    [14, true, false],
    [NODE_MIN_ZOOM - 0.5, true, false],
    [NODE_MIN_ZOOM, true, true],
    [17, true, true],
    [17, false, false],
  ])('at zoom %s (layer shown: %s) nodes are visible: %s', (zoom, shown, visible) => {
    expect(NODE_MIN_ZOOM).toBe(15.5);
    const layers = renderNodes(nodesData, context({ zoom, visible: shown }));
    expect(layers).toHaveLength(2);
    for (const layer of layers) expect(layer.props.visible).toBe(visible);
  });

  const expected: readonly [number, NodeCondition][] = [
    [0, 'running'],
    [1, 'stopped'],
    [2, 'open'],
    [3, 'closed'],
    [4, 'passive'],
    [5, 'noReading'],
  ];
  it.each(expected)('node %i is filled and marked as %s', (index, condition) => {
    const layers = renderNodes(nodesData, context());
    const disc = deckLayer(layers, NODES_LAYER_ID);
    const symbols = deckLayer(layers, NODE_SYMBOLS_LAYER_ID);
    expect(plain(accessor(disc, 'getFillColor')(nodes[index]!, index))).toEqual([
      ...NODE_FILL[condition],
    ]);
    expect(accessor(symbols, 'getText')(nodes[index]!, index)).toBe(NODE_SYMBOL[condition]);
  });

  it('marks a stopped pump and a closed valve differently from running and open ones', () => {
    expect(NODE_SYMBOL.stopped).not.toBe(NODE_SYMBOL.running);
    expect(NODE_SYMBOL.closed).not.toBe(NODE_SYMBOL.open);
    expect(NODE_FILL.stopped).toEqual(statusColors.warning);
    expect(NODE_FILL.closed).toEqual(statusColors.warning);
  });

  it('sizes nodes by kind and outlines them in their network colour', () => {
    const disc = deckLayer(renderNodes(nodesData, context()), NODES_LAYER_ID);
    const radius = accessor(disc, 'getRadius');
    expect(Number(radius(nodes[0]!, 0))).toBeGreaterThan(Number(radius(nodes[2]!, 2)));
    expect(Number(radius(nodes[2]!, 2))).toBeGreaterThan(Number(radius(nodes[4]!, 4)));
    expect(plain(accessor(disc, 'getLineColor')(nodes[0]!, 0))).toEqual([...NETWORK_COLORS.water]);
    expect(plain(accessor(disc, 'getLineColor')(nodes[1]!, 1))).toEqual([
      ...NETWORK_COLORS.drainage,
    ]);
    expect(plain(accessor(disc, 'getLineColor')(nodes[2]!, 2))).toEqual([...NETWORK_COLORS.gas]);
  });

  it('recomputes fill and symbols when the state version changes', () => {
    const layers = renderNodes(nodesData, context());
    expect(updateTrigger(deckLayer(layers, NODES_LAYER_ID), 'getFillColor')).toBe(5);
    expect(updateTrigger(deckLayer(layers, NODE_SYMBOLS_LAYER_ID), 'getText')).toBe(5);
  });

  it('describes kind, network and condition', () => {
    const t = strictTranslate(pipesDomain.messages, 'en');
    const zh = strictTranslate(pipesDomain.messages, 'zh-CN');
    const closed = nodesLayer.describe({
      feature: nodes[3]!,
      index: 3,
      state: nodesData.state,
      language: 'en',
      t,
    });
    expect(closed.primary).toEqual({ label: 'Condition', value: 'Closed', level: 'warning' });
    const stopped = nodesLayer.describe({
      feature: nodes[1]!,
      index: 1,
      state: nodesData.state,
      language: 'zh-CN',
      t: zh,
    });
    expect(stopped.primary).toEqual({ label: '运行状态', value: '已停机', level: 'warning' });
    const manhole = nodesLayer.describe({
      feature: nodes[4]!,
      index: 4,
      state: nodesData.state,
      language: 'zh-CN',
      t: zh,
    });
    expect(manhole.primary).toEqual({ label: '类型', value: '检查井 · 排水管网' });
    expectReadable(
      nodesLayer.describe({ feature: nodes[5]!, index: 5, state: null, language: 'en', t }),
    );
  });
});

checkDomainModule(pipesDomain, {
  'pipes.water': waterData,
  'pipes.drainage': drainageData,
  'pipes.gas': gasData,
  'pipes.nodes': nodesData,
});

describe.each([
  ['pipes.water', waterPipesLayer],
  ['pipes.drainage', drainagePipesLayer],
  ['pipes.gas', gasPipesLayer],
] as const)('%s on the generated town', (datasetId, definition) => {
  it('colours every pipe from its own reading, matched by feature id', () => {
    const town = loadFixtureLayerData(datasetId);
    const [layer] = definition.render(town, context());
    const color = accessor(layer!, 'getColor');
    const readings = fixtureColumnById(
      datasetId,
      datasetId === 'pipes.drainage' ? 'fillRatio' : 'pressureKpa',
    );
    expect(featureObjects(town.geometry).length).toBeGreaterThan(0);
    featureObjects(town.geometry).forEach((feature, index) => {
      const reading = readings.get(feature.id) ?? null;
      const status =
        datasetId === 'pipes.drainage'
          ? drainageStatus(reading)
          : datasetId === 'pipes.water'
            ? waterStatus(reading)
            : gasStatus(reading, gasPressureClass(stringProperty(feature, 'pressureClass')));
      expect(plain(color(feature, index))).toEqual([...PIPE_STATUS_COLORS[status]]);
    });
  });

  it('describes every pipe readably in both languages', () => {
    const town = loadFixtureLayerData(datasetId);
    for (const language of ['zh-CN', 'en'] as const) {
      const t = strictTranslate(pipesDomain.messages, language);
      featureObjects(town.geometry).forEach((feature, index) =>
        expectReadable(definition.describe({ feature, index, state: town.state, language, t })),
      );
    }
  });
});

describe('pipes.nodes on the generated town', () => {
  it('has every node drawn as one of the known kinds and conditions, described readably', () => {
    const town = loadFixtureLayerData('pipes.nodes');
    const disc = deckLayer(renderNodes(town, context()), NODES_LAYER_ID);
    const fills = new Set(Object.values(NODE_FILL).map((color) => color.join()));
    const t = strictTranslate(pipesDomain.messages, 'zh-CN');
    featureObjects(town.geometry).forEach((feature, index) => {
      expect(
        fills.has((plain(accessor(disc, 'getFillColor')(feature, index)) as number[]).join()),
      ).toBe(true);
      expectReadable(
        nodesLayer.describe({ feature, index, state: town.state, language: 'zh-CN', t }),
      );
    });
  });
});
