import { featureObjects } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import { publicSpacesDomain } from '../../../src/domains/public-spaces';
import {
  OCCUPANCY_THRESHOLDS,
  occupancyRatio,
  occupancyStatus,
} from '../../../src/domains/public-spaces/occupancy';
import {
  OCCUPANCY_SCALE,
  occupancyFillColor,
} from '../../../src/domains/public-spaces/occupancy-colors';
import { parseRgb } from '../../../src/ui/theme';
import {
  OUTLINE_WIDTH_PIXELS,
  SPACE_KIND_OUTLINE,
} from '../../../src/domains/public-spaces/space-kind';
import { spaceOccupancy } from '../../../src/domains/public-spaces/space-occupancy';
import {
  SPACES_LAYER_ID,
  renderSpaces,
  spacesLayer,
} from '../../../src/domains/public-spaces/spaces-layer';
import { statusColors } from '../../../src/ui/theme';
import { loadFixtureLayerData } from '../../helpers/fixtures';
import { context, layerData, square, stateTable } from './builders';
import { accessor, plain, prop, updateTrigger } from './deck-props';
import { checkDomainModule, expectReadable } from './domain-checks';
import { strictTranslate } from './translate';

const spaces = [
  square('p-quiet', { spaceKind: 'park', capacity: 2000, areaM2: 52000 }),
  square('p-busy', { spaceKind: 'plaza', capacity: 1000, areaM2: 8000 }),
  square('p-warning', { spaceKind: 'transit', capacity: 400, areaM2: 3000 }),
  square('p-alarm', { spaceKind: 'venue', capacity: 10000, areaM2: 25000 }),
  square('p-none', { spaceKind: 'park', capacity: 500, areaM2: 9000 }),
  square('p-no-capacity', { spaceKind: 'plaza', areaM2: 1200 }),
];
const data = layerData(spaces, stateTable({ occupancy: [100, 700, 300, 9000, null, 50] }, 21));

describe('occupancy thresholds', () => {
  it.each([
    [0, 'normal'],
    [0.5, 'normal'],
    [0.7499, 'normal'],
    [0.75, 'warning'],
    [0.8999, 'warning'],
    [0.9, 'alarm'],
    [1.4, 'alarm'],
    [null, 'unknown'],
    [Number.NaN, 'unknown'],
  ] as const)('%s of capacity → %s', (ratio, status) =>
    expect(occupancyStatus(ratio)).toBe(status),
  );

  it.each([
    [300, 400, 0.75],
    [0, 400, 0],
    [null, 400, null],
    [300, null, null],
    [300, 0, null],
    [-3, 400, null],
  ])('%s people in a space for %s → %s', (occupancy, capacity, ratio) => {
    expect(occupancyRatio(occupancy, capacity)).toBe(ratio);
  });
});

describe('occupancy colours', () => {
  it('climbs a continuous scale below the warning threshold', () => {
    const low = occupancyFillColor(0);
    const mid = occupancyFillColor(0.4);
    const high = occupancyFillColor(0.74);
    expect(new Set([low, mid, high].map((color) => color.join())).size).toBe(3);
    expect(low).toBe(OCCUPANCY_SCALE[0]);
    expect(high).toBe(OCCUPANCY_SCALE[OCCUPANCY_SCALE.length - 1]);
    // viridis gets lighter as it climbs
    const lightness = (color: readonly number[]) => color[0]! + color[1]! + color[2]!;
    expect(lightness(high)).toBeGreaterThan(lightness(mid));
    expect(lightness(mid)).toBeGreaterThan(lightness(low));
  });

  it('switches to the status colours at the thresholds, grey without a reading', () => {
    expect(occupancyFillColor(OCCUPANCY_THRESHOLDS.warning).slice(0, 3)).toEqual(
      statusColors.warning.slice(0, 3),
    );
    expect(occupancyFillColor(OCCUPANCY_THRESHOLDS.alarm).slice(0, 3)).toEqual(
      statusColors.alarm.slice(0, 3),
    );
    expect(occupancyFillColor(null).slice(0, 3)).toEqual(statusColors.unknown.slice(0, 3));
    // translucent, so the map under a space stays readable
    for (const ratio of [0, 0.8, 0.95, null])
      expect(occupancyFillColor(ratio)[3]).toBeLessThan(255);
  });

  it('reads d3 colours', () => {
    expect(parseRgb('rgb(68, 1, 84)')).toEqual([68, 1, 84, 255]);
    expect(parseRgb('#440154')).toEqual([68, 1, 84, 255]);
    expect(() => parseRgb('steelblue')).toThrow();
  });
});

describe('public-spaces.spaces render', () => {
  it('draws one picked polygon layer over the features', () => {
    const layers = renderSpaces(data, context());
    expect(layers.map((layer) => layer.id)).toEqual([SPACES_LAYER_ID]);
    expect(SPACES_LAYER_ID).toBe('public-spaces.spaces');
    expect(layers[0]!.props.data).toBe(spaces);
    expect(prop(layers[0]!, 'filled')).toBe(true);
    expect(prop(layers[0]!, 'stroked')).toBe(true);
  });

  it.each([
    [0, 0.05, 'normal'],
    [1, 0.7, 'normal'],
    [2, 0.75, 'warning'],
    [3, 0.9, 'alarm'],
    [4, null, 'unknown'],
    [5, null, 'unknown'],
  ] as const)('fills space %i (share %s) and outlines it for status %s', (index, share, status) => {
    const [layer] = renderSpaces(data, context());
    expect(spaceOccupancy(spaces[index]!, data.state, index)).toBe(share);
    expect(plain(accessor(layer!, 'getFillColor')(spaces[index]!, index))).toEqual([
      ...occupancyFillColor(share),
    ]);
    expect(accessor(layer!, 'getLineWidth')(spaces[index]!, index)).toBe(
      OUTLINE_WIDTH_PIXELS[status],
    );
  });

  it('thickens the outline at each threshold', () => {
    expect(OUTLINE_WIDTH_PIXELS.warning).toBeGreaterThan(OUTLINE_WIDTH_PIXELS.normal);
    expect(OUTLINE_WIDTH_PIXELS.alarm).toBeGreaterThan(OUTLINE_WIDTH_PIXELS.warning);
  });

  it('outlines each kind in its own colour', () => {
    const [layer] = renderSpaces(data, context());
    const outline = accessor(layer!, 'getLineColor');
    expect(plain(outline(spaces[0]!, 0))).toEqual([...SPACE_KIND_OUTLINE.park]);
    expect(plain(outline(spaces[1]!, 1))).toEqual([...SPACE_KIND_OUTLINE.plaza]);
    expect(plain(outline(spaces[2]!, 2))).toEqual([...SPACE_KIND_OUTLINE.transit]);
    expect(plain(outline(spaces[3]!, 3))).toEqual([...SPACE_KIND_OUTLINE.venue]);
  });

  it('recomputes fill and outline width on a new state version only', () => {
    const [layer] = renderSpaces(data, context());
    expect(updateTrigger(layer!, 'getFillColor')).toBe(21);
    expect(updateTrigger(layer!, 'getLineWidth')).toBe(21);
    expect(updateTrigger(layer!, 'getLineColor')).toBeUndefined();
    expect(updateTrigger(layer!, 'getPolygon')).toBeUndefined();
  });
});

describe('public-spaces.spaces describe', () => {
  const describeIn = (index: number, language: 'zh-CN' | 'en') =>
    spacesLayer.describe({
      feature: spaces[index]!,
      index,
      state: data.state,
      language,
      t: strictTranslate(publicSpacesDomain.messages, language),
    });

  it('leads with the share of capacity and the count', () => {
    expect(describeIn(2, 'en').primary).toEqual({
      label: 'Occupancy',
      value: '75% (300 people) · Crowding warning',
      level: 'warning',
    });
    expect(describeIn(3, 'zh-CN').primary).toEqual({
      label: '客流',
      value: '90%（9,000 人）· 客流报警',
      level: 'alarm',
    });
  });

  it('never rounds a share up onto a threshold', () => {
    const edge = layerData(
      spaces,
      stateTable({ occupancy: [1499.9, 1000, 1000, 1000, 1000, 1000] }),
    );
    const text = spacesLayer.describe({
      feature: spaces[0]!,
      index: 0,
      state: edge.state,
      language: 'en',
      t: strictTranslate(publicSpacesDomain.messages, 'en'),
    });
    expect(text.primary.value).toBe('74.9% (1,500 people) · Normal');
  });

  it('lists kind, capacity, occupancy and area', () => {
    const rows = Object.fromEntries(describeIn(0, 'en').rows.map((row) => [row.label, row.value]));
    expect(rows).toEqual({
      Status: 'Normal',
      Kind: 'Park',
      Occupancy: '100 people',
      'Share of capacity': '5%',
      Capacity: '2,000 people',
      Area: '52,000 m²',
    });
  });

  it('shows the count alone without a capacity, and "no reading" without a count', () => {
    expect(describeIn(5, 'en').primary).toEqual({
      label: 'Occupancy',
      value: '50 people',
      level: 'unknown',
    });
    expect(describeIn(4, 'zh-CN').primary).toEqual({
      label: '客流',
      value: '无读数',
      level: 'unknown',
    });
    for (const language of ['zh-CN', 'en'] as const)
      for (const index of [4, 5]) expectReadable(describeIn(index, language));
  });
});

checkDomainModule(publicSpacesDomain, { [SPACES_LAYER_ID]: data });

describe('public-spaces.spaces on the generated town', () => {
  it('fills every space from its own reading and describes it readably', () => {
    const town = loadFixtureLayerData('public-spaces.spaces');
    const [layer] = renderSpaces(town, context());
    for (const language of ['zh-CN', 'en'] as const) {
      const t = strictTranslate(publicSpacesDomain.messages, language);
      featureObjects(town.geometry).forEach((feature, index) => {
        const share = spaceOccupancy(feature, town.state, index);
        expect(plain(accessor(layer!, 'getFillColor')(feature, index))).toEqual([
          ...occupancyFillColor(share),
        ]);
        expectReadable(spacesLayer.describe({ feature, index, state: town.state, language, t }));
      });
    }
  });
});
