import { featureObjects, featureTable } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import { fireDomain } from '../../../src/domains/fire';
import {
  UNIT_GLYPH_COLOR,
  UNIT_STATUS_LEVEL,
  UNIT_STYLE,
  unitStatus,
  type UnitStatus,
} from '../../../src/domains/fire/units-style';
import {
  UNIT_GLYPHS_LAYER_ID,
  UNIT_RADIUS_PIXELS,
  UNITS_LAYER_ID,
  UNITS_LEGEND,
  renderUnits,
  unitsLayer,
} from '../../../src/domains/fire/units-layer';
import { DRAW_ON_TOP } from '../../../src/map/draw-on-top';
import { defineDomain, statusInput, type LayerData } from '../../../src/map/layer-contract';
import { congestionColors, statusColors } from '../../../src/ui/theme';
import { loadFixtureLayerData } from '../../helpers/fixtures';
import { context, LANGUAGES, layerData, point } from './builders';
import { accessor, deckLayer, plain, prop } from './deck-props';
import { checkDomainModule, expectReadable } from './domain-checks';
import { strictTranslate } from './translate';

const unit = (id: string, unitStatus: unknown, extra: Record<string, unknown> = {}) =>
  point(id, {
    name: { zh: `一号消防站 ${id}号车`, en: `Station 1 Engine ${id}` },
    stationId: 'fs-1',
    incidentId: 'fa-7',
    ...(unitStatus === undefined ? {} : { unitStatus: unitStatus as string }),
    ...(extra as Record<string, string>),
  });

const units = [
  unit('e1', 'dispatched'),
  unit('e2', 'on-scene'),
  unit('e3', 'returning'),
  unit('e4', 'towing'),
  point('e5', {}),
];
const unitsData = layerData(units, null);

/** The generated town at fixture time, or the built units when no engine is out then. */
function townOrBuilt(): LayerData {
  const town = loadFixtureLayerData('fire.units');
  return featureObjects(town.geometry).length > 0 ? town : unitsData;
}

describe('fire.units status', () => {
  it.each([
    ['dispatched', 'dispatched', 'warning'],
    ['on-scene', 'onScene', 'warning'],
    ['returning', 'returning', 'normal'],
    ['towing', 'unknown', 'unknown'],
    ['constructor', 'unknown', 'unknown'],
    [undefined, 'unknown', 'unknown'],
    [3, 'unknown', 'unknown'],
  ] as const)('unitStatus %s is %s (%s)', (value, status, level) => {
    const feature = point('x', value === undefined ? {} : { unitStatus: value });
    expect(unitStatus(feature)).toBe(status);
    expect(unitsLayer.status(statusInput(featureTable([feature]), null, 0))).toBe(level);
  });
});

describe('fire.units layer', () => {
  it('is defined for its dataset and drawn after the alarms', () => {
    expect(unitsLayer.id).toBe('fire.units');
    expect(unitsLayer.dataset).toBe('fire.units');
    expect(unitsLayer.animated).toBe(false);
    const ids = fireDomain.layers.map((layer) => layer.id);
    expect(ids.indexOf('fire.units')).toBe(ids.indexOf('fire.alarms') + 1);
  });

  it('draws a picked disc and its glyph, both on top of buildings', () => {
    const layers = renderUnits(unitsData, context());
    expect(layers.map((layer) => layer.id)).toEqual(['fire.units', 'fire.units-glyphs']);
    for (const layer of layers) {
      expect(layer.id.startsWith('fire.units')).toBe(true);
      expect(prop(layer, 'parameters'), layer.id).toEqual(DRAW_ON_TOP);
      expect(layer.props.data, layer.id).toBe(featureObjects(unitsData.geometry));
    }
    const disc = deckLayer(layers, UNITS_LAYER_ID);
    expect(disc.props.pickable).toBe(true);
    expect(disc.props.autoHighlight).toBe(true);
    expect(prop(disc, 'radiusUnits')).toBe('pixels');
    expect(accessor(disc, 'getRadius')(units[0]!, 0)).toBe(UNIT_RADIUS_PIXELS);
    expect(accessor(disc, 'getPosition')(units[0]!, 0)).toEqual([121.47, 31.23]);
    const glyphs = deckLayer(layers, UNIT_GLYPHS_LAYER_ID);
    expect(glyphs.props.pickable).toBe(false);
    expect(prop(glyphs, 'sizeUnits')).toBe('pixels');
    expect(plain(accessor(glyphs, 'getColor')(units[0]!, 0))).toEqual([...UNIT_GLYPH_COLOR]);
  });

  it.each([
    [0, 'dispatched', statusColors.warning, '▲'],
    [1, 'onScene', congestionColors.slow, '■'],
    [2, 'returning', statusColors.normal, '▼'],
    [3, 'unknown', statusColors.unknown, '?'],
    [4, 'unknown', statusColors.unknown, '?'],
  ] as const)('draws unit %i (%s) in its colour with its glyph', (index, status, color, glyph) => {
    const layers = renderUnits(unitsData, context());
    const disc = deckLayer(layers, UNITS_LAYER_ID);
    const feature = units[index]!;
    expect(plain(accessor(disc, 'getFillColor')(feature, index))).toEqual([...color]);
    expect(plain(accessor(disc, 'getLineColor')(feature, index))).toEqual([
      ...UNIT_STYLE[status].line,
    ]);
    expect(accessor(disc, 'getLineWidth')(feature, index)).toBe(UNIT_STYLE[status].lineWidth);
    expect(accessor(deckLayer(layers, UNIT_GLYPHS_LAYER_ID), 'getText')(feature, index)).toBe(
      glyph,
    );
  });

  it('tells every status apart by colour and by glyph, and has every glyph in its atlas', () => {
    const statuses: UnitStatus[] = ['dispatched', 'onScene', 'returning', 'unknown'];
    const fills = statuses.map((status) => UNIT_STYLE[status].fill.join());
    const glyphs = statuses.map((status) => UNIT_STYLE[status].glyph);
    expect(new Set(fills).size).toBe(statuses.length);
    expect(new Set(glyphs).size).toBe(statuses.length);
    const layer = deckLayer(renderUnits(unitsData, context()), UNIT_GLYPHS_LAYER_ID);
    const atlas = String(prop(layer, 'characterSet'));
    for (const glyph of glyphs) expect(atlas).toContain(glyph);
  });

  it('has a legend entry for every colour it draws', () => {
    const disc = deckLayer(renderUnits(unitsData, context()), UNITS_LAYER_ID);
    const legend = UNITS_LEGEND.map((entry) => entry.color.join());
    units.forEach((feature, index) => {
      const fill = plain(accessor(disc, 'getFillColor')(feature, index)) as number[];
      expect(legend).toContain(fill.join());
    });
    expect(new Set(legend).size).toBe(UNITS_LEGEND.length);
  });

  it('keeps hidden layers in the list, not visible', () => {
    const shown = renderUnits(unitsData, context({ opacity: 0.6 }));
    const hidden = renderUnits(unitsData, context({ visible: false }));
    expect(hidden.map((layer) => layer.id)).toEqual(shown.map((layer) => layer.id));
    for (const layer of hidden) expect(layer.props.visible, layer.id).toBe(false);
    for (const layer of shown) {
      expect(layer.props.visible, layer.id).toBe(true);
      expect(layer.props.opacity, layer.id).toBe(0.6);
    }
  });
});

describe('fire.units description', () => {
  it.each([
    [0, 'en', 'Dispatched', 'warning'],
    [1, 'en', 'On scene', 'warning'],
    [2, 'en', 'Returning', 'normal'],
    [3, 'en', 'Status unknown', 'unknown'],
    [0, 'zh-CN', '出动中', 'warning'],
    [1, 'zh-CN', '到场处置', 'warning'],
    [2, 'zh-CN', '返回中', 'normal'],
    [3, 'zh-CN', '状态不明', 'unknown'],
  ] as const)('unit %i in %s is "%s" (%s)', (index, language, value, level) => {
    const t = strictTranslate(fireDomain.messages, language);
    const input = { feature: units[index]!, index, state: null };
    const description = unitsLayer.describe({ ...input, language, t });
    const geometry = featureTable(units);
    expect(description.primary).toEqual({
      label: language === 'en' ? 'Status' : '状态',
      value,
      level,
    });
    expect(unitsLayer.status(statusInput(geometry, null, index))).toBe(description.primary.level);
  });

  it('names the engine and lists status, station and incident', () => {
    const en = unitsLayer.describe({
      feature: units[1]!,
      index: 1,
      state: null,
      language: 'en',
      t: strictTranslate(fireDomain.messages, 'en'),
    });
    expect(en.title).toBe('Station 1 Engine e2');
    expect(en.rows).toEqual([
      { label: 'Status', value: 'On scene', level: 'warning' },
      { label: 'Station', value: 'fs-1' },
      { label: 'Incident', value: 'fa-7' },
    ]);
    const zh = unitsLayer.describe({
      feature: units[4]!,
      index: 4,
      state: null,
      language: 'zh-CN',
      t: strictTranslate(fireDomain.messages, 'zh-CN'),
    });
    expect(zh.title).toBe('要素e5');
    expect(zh.rows.map((row) => [row.label, row.value])).toEqual([
      ['状态', '状态不明'],
      ['所属消防站', '未登记'],
      ['处置警情', '未登记'],
    ]);
  });
});

checkDomainModule(defineDomain({ ...fireDomain, layers: [unitsLayer], kpis: [] }), {
  'fire.units': unitsData,
});

describe('fire.units on the generated town', () => {
  it('draws and describes every engine out, status consistent with the description', () => {
    const town = townOrBuilt();
    const disc = deckLayer(renderUnits(town, context()), UNITS_LAYER_ID);
    for (const language of LANGUAGES) {
      const t = strictTranslate(fireDomain.messages, language);
      featureObjects(town.geometry).forEach((feature, index) => {
        const status = unitStatus(feature);
        expect(plain(accessor(disc, 'getFillColor')(feature, index))).toEqual([
          ...UNIT_STYLE[status].fill,
        ]);
        const description = unitsLayer.describe({ feature, index, state: town.state, language, t });
        expectReadable(description);
        expect(description.primary.level).toBe(UNIT_STATUS_LEVEL[status]);
        expect(unitsLayer.status(statusInput(town.geometry, town.state, index))).toBe(
          description.primary.level,
        );
      });
    }
  });
});
