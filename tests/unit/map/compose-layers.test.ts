import type { Layer, PickingInfo } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { composeLayers, findFeature } from '../../../src/map/compose-layers';
import { createLayerCache } from '../../../src/map/layer-cache';
import { pathData } from '../../../src/map/feature-geometry';
import { featureTable } from '../../../src/data/feature-table';
import { defineDomain, defineLayer } from '../../../src/map/layer-contract';
import type { RenderContext } from '../../../src/map/layer-contract';
import type { LayerSource } from '../../../src/map/layer-sources';
import { definitionOfDeckLayer, pickedFeature } from '../../../src/map/picking';
import { fakeLayer, pointData } from './fake-layer';

const live = { phase: 'live' as const, observedAt: 0, cadenceS: 10, error: null };
const source: LayerSource = {
  layer: fakeLayer,
  dataset: null,
  data: pointData(['a', 'b']),
  status: live,
};
const label = {
  kind: 'district' as const,
  text: { zh: '东湖区', en: 'Donghu' },
  position: [121, 31] as [number, number],
  rank: 0,
};
const base = {
  sources: [source],
  settings: {},
  language: 'en' as const,
  zoom: 14,
  selection: null,
  emphasis: null,
  attention: [],
  labels: [label],
  animationTime: 0,
};

describe('composeLayers', () => {
  it('draws domain layers, then the selection highlight, then labels on top', () => {
    expect(composeLayers(base).map((layer) => layer.id)).toEqual([
      'test.points',
      'selection-highlight',
      'basemap-labels',
    ]);
  });
  it('highlights every emphasised feature with the selection, and pulses attention points on top', () => {
    const layers = composeLayers({
      ...base,
      selection: { layerId: 'test.points', featureId: 'a' },
      emphasis: { layerId: 'test.points', featureIds: ['a', 'b', 'gone'] },
      attention: [[121.47, 31.23]],
    });
    expect(layers.map((layer) => layer.id)).toEqual([
      'test.points',
      'selection-highlight',
      'attention-pulse',
      'basemap-labels',
    ]);
    const highlighted = (layers[1]!.props.data as { id: string }[]).map((feature) => feature.id);
    expect(highlighted).toEqual(['a', 'b']);
  });
  it('emphasises nothing on a hidden layer', () => {
    const layers = composeLayers({
      ...base,
      settings: { 'test.points': { visible: false, opacity: 1 } },
      emphasis: { layerId: 'test.points', featureIds: ['a'] },
    });
    expect(layers.find((layer) => layer.id === 'selection-highlight')!.props.data).toEqual([]);
  });
  it('adds no label layer before the base map has labels', () => {
    expect(composeLayers({ ...base, labels: [] }).map((layer) => layer.id)).not.toContain(
      'basemap-labels',
    );
  });
  it('keeps a hidden layer in the list with visible: false, at its opacity', () => {
    const [layer] = composeLayers({
      ...base,
      settings: { 'test.points': { visible: false, opacity: 0.4 } },
    });
    expect(layer?.props.visible).toBe(false);
    expect(layer?.props.opacity).toBe(0.4);
  });
  it('skips layers that have no data yet', () => {
    expect(
      composeLayers({ ...base, sources: [{ ...source, data: null }] }).map((l) => l.id),
    ).not.toContain('test.points');
  });
  it('highlights the selected feature only while its layer is visible', () => {
    const selection = { layerId: 'test.points', featureId: 'b' };
    const highlight = (settings = {}) =>
      composeLayers({ ...base, selection, settings }).find(
        (layer) => layer.id === 'selection-highlight',
      );
    expect(highlight()?.props.visible).toBe(true);
    expect(highlight({ 'test.points': { visible: false, opacity: 1 } })?.props.visible).toBe(false);
  });
  it('finds a selected feature by id, and nothing for a vanished one', () => {
    expect(findFeature([source], { layerId: 'test.points', featureId: 'b' })?.index).toBe(1);
    expect(findFeature([source], { layerId: 'test.points', featureId: 'gone' })).toBeNull();
  });
});

describe('picking', () => {
  const other = defineLayer({ ...fakeLayer, id: 'test.points-extra', dataset: 'x' });
  it('maps a deck layer id (and its sublayer ids) back to its definition', () => {
    expect(definitionOfDeckLayer([fakeLayer, other], 'test.points-arrows')?.id).toBe('test.points');
    expect(definitionOfDeckLayer([fakeLayer], 'basemap-labels')).toBeNull();
  });
  it('returns the feature reference of a picked feature, nothing otherwise', () => {
    const [layer] = composeLayers(base);
    const info = {
      picked: true,
      layer,
      object: pointData(['a']).geometry.feature(0),
    } as unknown as PickingInfo;
    expect(pickedFeature([fakeLayer], info)).toEqual({ layerId: 'test.points', featureId: 'a' });
    expect(pickedFeature([fakeLayer], { ...info, picked: false })).toBeNull();
    expect(pickedFeature([fakeLayer], { ...info, object: { id: 1 } } as PickingInfo)).toBeNull();
  });
  it('turns a pick on binary data (an index, no object) back into the feature at that index', () => {
    const geometry = featureTable(
      ['a', 'b', 'c'].map((id, k) => ({
        type: 'Feature' as const,
        id,
        geometry: {
          type: 'LineString' as const,
          coordinates: [
            [121, 31 + k],
            [121.01, 31 + k],
          ] as [number, number][],
        },
        properties: {},
      })),
    );
    const layer = { id: 'test.points', props: { data: pathData(geometry).data } };
    const info = { picked: true, layer, object: undefined, index: 1 } as unknown as PickingInfo;
    expect(geometry.binary).not.toBeNull();
    expect(pickedFeature([fakeLayer], info)).toEqual({ layerId: 'test.points', featureId: 'b' });
    expect(pickedFeature([fakeLayer], { ...info, index: 3 })).toBeNull();
    expect(pickedFeature([fakeLayer], { ...info, index: -1 })).toBeNull();
  });
});

describe('layer contract', () => {
  it('rejects ids that do not follow <domain>.<name>', () => {
    expect(() => defineLayer({ ...fakeLayer, id: 'points' })).toThrow(/<domain>\.<name>/);
    expect(() => defineLayer({ ...fakeLayer, id: 'other.points' })).toThrow();
  });
  it('rejects a domain holding another domain’s layer', () => {
    expect(() =>
      defineDomain({
        id: 'other',
        titleKey: 't',
        layers: [fakeLayer],
        messages: { 'zh-CN': {}, en: {} },
      }),
    ).toThrow(/does not belong/);
  });
});

describe('stored layer settings', () => {
  it('are used when valid and dropped when not', async () => {
    const { readLayerSettings } = await import('../../../src/map/store/layer-settings-slice');
    const valid = { layerSettings: { 'a.b': { visible: false, opacity: 0.5 } } };
    expect(readLayerSettings(valid)).toEqual(valid.layerSettings);
    expect(readLayerSettings({ layerSettings: { 'a.b': { visible: 'no' } } })).toEqual({});
    expect(readLayerSettings('garbage')).toEqual({});
  });
});

describe('composeLayers with a layer cache', () => {
  const pulsing = defineLayer({
    ...fakeLayer,
    id: 'test.pulsing',
    dataset: 'test.pulsing',
    animated: true,
    render: (data, context) =>
      fakeLayer.render(data, context).map((layer) => layer.clone({ id: 'test.pulsing' })),
  });
  const pulsingSource: LayerSource = { ...source, layer: pulsing };
  const withCache = { ...base, sources: [source, pulsingSource], cache: createLayerCache() };
  const layerById = (layers: readonly Layer[], id: string) =>
    layers.find((layer) => layer.id === id);

  it('a tick of the clock makes new layers for the animated sources only', () => {
    const first = composeLayers({ ...withCache, animationTime: 100 });
    const next = composeLayers({ ...withCache, animationTime: 166 });
    expect(layerById(next, 'test.points')).toBe(layerById(first, 'test.points'));
    expect(layerById(next, 'test.pulsing')).not.toBe(layerById(first, 'test.pulsing'));
  });
  it('a new source, a new setting or a new zoom makes new layers for it', () => {
    const first = composeLayers(withCache);
    const points = layerById(first, 'test.points');
    const renewed = { ...source, data: pointData(['a']) };
    expect(layerById(composeLayers({ ...withCache, sources: [renewed] }), 'test.points')).not.toBe(
      points,
    );
    const dimmed = { 'test.points': { visible: true, opacity: 0.5 } };
    expect(layerById(composeLayers({ ...withCache, settings: dimmed }), 'test.points')).not.toBe(
      points,
    );
    expect(layerById(composeLayers({ ...withCache, zoom: 14.5 }), 'test.points')).not.toBe(points);
  });
  it('compares every field of the render context, not only those it knows by name', () => {
    const cache = createLayerCache();
    const context: RenderContext = {
      zoom: 14,
      opacity: 1,
      visible: true,
      language: 'en',
      selectedId: null,
      animationTime: 0,
    };
    const data = pointData(['a']);
    const build = () => fakeLayer.render(data, context);
    const first = cache.layersOf(source, context, build);
    expect(cache.layersOf(source, { ...context }, build)).toBe(first);
    // A field added to the context later: a change of it alone must make new layers.
    const withHue = { ...context, hue: 1 };
    const hued = cache.layersOf(source, withHue, build);
    expect(hued).not.toBe(first);
    expect(cache.layersOf(source, { ...withHue }, build)).toBe(hued);
    const otherHue = { ...context, hue: 2 };
    const rehued = cache.layersOf(source, otherHue, build);
    expect(rehued).not.toBe(hued);
    // The same value under another key is not the same context.
    const otherKey = { ...context, tint: 2 };
    expect(cache.layersOf(source, otherKey, build)).not.toBe(rehued);
  });
  it('a tick keeps the highlight and the labels; a new selection or language renews them', () => {
    const ids = ['selection-highlight', 'basemap-labels'];
    const first = composeLayers({ ...withCache, animationTime: 100 });
    const tick = composeLayers({ ...withCache, animationTime: 166 });
    for (const id of ids) expect(layerById(tick, id), id).toBe(layerById(first, id));
    const selected = composeLayers({
      ...withCache,
      selection: { layerId: 'test.points', featureId: 'a' },
    });
    expect(layerById(selected, 'selection-highlight')).not.toBe(
      layerById(first, 'selection-highlight'),
    );
    expect(layerById(selected, 'basemap-labels')).toBe(layerById(first, 'basemap-labels'));
    const chinese = composeLayers({ ...withCache, language: 'zh-CN' });
    expect(layerById(chinese, 'basemap-labels')).not.toBe(layerById(first, 'basemap-labels'));
  });
  it('without a cache, every call makes new layers', () => {
    const { cache: _unused, ...uncached } = withCache;
    expect(layerById(composeLayers(uncached), 'test.points')).not.toBe(
      layerById(composeLayers(uncached), 'test.points'),
    );
  });
});
