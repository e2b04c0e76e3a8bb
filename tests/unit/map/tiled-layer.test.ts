import type { Layer, PickingInfo } from '@deck.gl/core';
import type { TileLayer } from '@deck.gl/geo-layers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TiledFeatures } from '../../../src/data/adapter';
import { featureTable, type FeatureTable } from '../../../src/data/feature-table';
import { stateValue } from '../../../src/data/live-state';
import { mergeTiles } from '../../../src/data/merge-tiles';
import type { Feature, LiveState } from '../../../src/data/schemas';
import { composeLayers, findFeature } from '../../../src/map/compose-layers';
import type { LayerData, RenderContext } from '../../../src/map/layer-contract';
import { describeSource } from '../../../src/map/layer-sources';
import { pickedFeature } from '../../../src/map/picking';
import { TILE_RETRY_MS, useTilesInView } from '../../../src/map/tiles-in-view';
import { tiledLayer, type TileEvents } from '../../../src/map/tiled-layer';
import { fakeDataset, fakeLayer } from './fake-layer';

function point(id: string, x = 121): Feature {
  return { type: 'Feature', id, geometry: { type: 'Point', coordinates: [x, 31] }, properties: {} };
}
function line(id: string, from: number, to: number): Feature {
  return {
    type: 'Feature',
    id,
    geometry: {
      type: 'LineString',
      coordinates: [
        [from, 31],
        [to, 31],
      ],
    },
    properties: { lanes: 2 },
  };
}

function tiledFeatures(byTile: Record<string, FeatureTable>): TiledFeatures {
  return {
    minZoom: 10,
    maxZoom: 14,
    bounds: [120.9, 30.9, 121.2, 31.1],
    tile: vi.fn((z: number, x: number, y: number) =>
      Promise.resolve(byTile[`${z}/${x}/${y}`] ?? featureTable([])),
    ),
  };
}

const readings: LiveState = {
  dataset: 'test.points',
  observedAt: '2026-01-15T00:00:00Z',
  cadenceS: 10,
  ids: ['b', 'a', 'elsewhere'],
  columns: { level: [1, 2, 0] },
};
const context: RenderContext = {
  zoom: 13,
  opacity: 1,
  visible: true,
  language: 'en',
  selectedId: null,
  animationTime: 0,
};
const noEvents: TileEvents = { onTilesInView: vi.fn(), onTileFailed: vi.fn() };

type TileProps = TileLayer<FeatureTable>['props'];

/** What the TileLayer would draw for one tile's content. */
function drawTile(layer: Layer, id: string, data: FeatureTable | null): Layer[] {
  const props = layer.props as TileProps;
  const drawn = props.renderSubLayers({ ...props, id, data, _offset: 0, tile: {} } as never);
  return (Array.isArray(drawn) ? drawn : drawn ? [drawn] : []) as Layer[];
}

describe('tiledLayer', () => {
  it('reads tiles through the geometry and draws each with the definition, live values joined by id', async () => {
    const tile = featureTable([point('a'), point('b')]);
    const tiles = tiledFeatures({ '12/3/4': tile });
    const render = vi.fn(fakeLayer.render);
    const layer = tiledLayer(
      { ...fakeLayer, render },
      { tiles, readings, generation: 0 },
      context,
      noEvents,
    );
    const props = layer.props as TileProps;
    expect(layer.id).toBe('test.points-tiles');
    expect([props.minZoom, props.maxZoom, props.extent]).toEqual([
      10,
      14,
      [120.9, 30.9, 121.2, 31.1],
    ]);
    const content = await props.getTileData!({
      index: { x: 3, y: 4, z: 12 },
      id: '3-4-12',
      bbox: { west: 0, south: 0, east: 1, north: 1 },
    });
    expect(content).toBe(tile);
    expect(tiles.tile).toHaveBeenCalledWith(12, 3, 4, {});

    const drawn = drawTile(layer, 'test.points-tiles-3-4-12', tile);
    expect(drawn.map((sub) => sub.id)).toEqual(['test.points-tiles-3-4-12-test.points']);
    const data = render.mock.calls.at(-1)![0] as LayerData;
    expect(data.geometry).toBe(tile);
    // The tile's features in its own order, each with its own reading.
    expect([stateValue(data.state, 'level', 0), stateValue(data.state, 'level', 1)]).toEqual([
      2, 1,
    ]);
  });

  it('draws nothing for an empty or failed tile', () => {
    const layer = tiledLayer(
      fakeLayer,
      { tiles: tiledFeatures({}), readings: null, generation: 0 },
      context,
      noEvents,
    );
    expect(drawTile(layer, 't', featureTable([]))).toEqual([]);
    expect(drawTile(layer, 't', null)).toEqual([]);
  });

  it('reads the tiles again when the generation goes up, not otherwise', () => {
    const tiles = tiledFeatures({});
    const at = (generation: number) =>
      (tiledLayer(fakeLayer, { tiles, readings, generation }, context, noEvents).props as TileProps)
        .updateTriggers;
    expect(at(0)).toEqual({ getTileData: 0 });
    expect(at(1)).toEqual({ getTileData: 1 });
    // The same reader each time: a new function would read every tile again.
    const reader = (generation: number) =>
      (tiledLayer(fakeLayer, { tiles, readings, generation }, context, noEvents).props as TileProps)
        .getTileData;
    expect(reader(0)).toBe(reader(0));
  });

  it('tells which tiles are in view, and which failed', () => {
    const events: TileEvents = { onTilesInView: vi.fn(), onTileFailed: vi.fn() };
    const tiles = tiledFeatures({});
    const props = tiledLayer(fakeLayer, { tiles, readings, generation: 0 }, context, events)
      .props as TileProps;
    const table = featureTable([point('a')]);
    props.onViewportLoad!([{ content: table }, { content: null }] as never);
    expect(events.onTilesInView).toHaveBeenCalledWith(tiles, [table, null]);
    props.onTileError(new Error('tiles: HTTP 503'));
    expect(events.onTileFailed).toHaveBeenCalledWith(tiles, 'tiles: HTTP 503');
  });

  it('maps a pick on a tile back to the definition and the feature id', () => {
    const tile = featureTable([point('a'), point('b')]);
    const layer = tiledLayer(
      fakeLayer,
      { tiles: tiledFeatures({}), readings, generation: 0 },
      context,
      noEvents,
    );
    const [sub] = drawTile(layer, 'test.points-tiles-1-2-12', tile);
    const info = { picked: true, layer, sourceLayer: sub, index: 1, object: tile.feature(1) };
    expect(pickedFeature([fakeLayer], info as unknown as PickingInfo)).toEqual({
      layerId: 'test.points',
      featureId: 'b',
    });
  });
});

describe('composeLayers with a tiled layer', () => {
  const tiles = tiledFeatures({});
  const inView = featureTable([point('a')]);
  const source = {
    layer: fakeLayer,
    dataset: null,
    data: { geometry: inView, state: null, tiled: { tiles, readings, generation: 0 } },
    status: { phase: 'live' as const, observedAt: 0, cadenceS: 10, error: null },
  };
  const base = {
    sources: [source],
    settings: {},
    language: 'en' as const,
    zoom: 13,
    selection: { layerId: 'test.points', featureId: 'a' },
    emphasis: null,
    attention: [],
    labels: [],
    animationTime: 0,
  };
  it('draws it as tiles, and finds the selection among the features in view', () => {
    expect(composeLayers(base).map((layer) => layer.id)).toEqual([
      'test.points-tiles',
      'selection-highlight',
    ]);
    expect(findFeature([source], base.selection)?.feature.id).toBe('a');
  });
  it('leaves it out while hidden, so it reads no tiles', () => {
    const hidden = { 'test.points': { visible: false, opacity: 1 } };
    expect(composeLayers({ ...base, settings: hidden }).map((layer) => layer.id)).toEqual([
      'selection-highlight',
    ]);
  });
});

describe('mergeTiles', () => {
  it('joins the pieces of a feature cut by tile edges into one, and counts it once', () => {
    const west = featureTable([line('road', 121.0, 121.1), point('p')]);
    const east = featureTable([line('road', 121.1, 121.2), point('p')]);
    const merged = mergeTiles([west, east]);
    expect(merged.length).toBe(2);
    const road = merged.feature(merged.indexOf('road'));
    expect(road.geometry).toEqual({
      type: 'MultiLineString',
      coordinates: [
        [
          [121.0, 31],
          [121.1, 31],
        ],
        [
          [121.1, 31],
          [121.2, 31],
        ],
      ],
    });
    expect(road.properties).toEqual({ lanes: 2 });
    expect(merged.feature(merged.indexOf('p')).geometry).toEqual(point('p').geometry);
  });
});

describe('the tiles in view', () => {
  afterEach(() => vi.useRealTimers());
  const dataset = fakeDataset();
  const ok = <T>(data: T) => ({ data, error: null, isError: false, failureCount: 0 });
  const sourceOf = (tiles: TiledFeatures) =>
    describeSource(
      fakeLayer,
      dataset,
      ok({ geometry: featureTable([]), observedAt: 5, truncated: null, tiles }),
      ok({ data: readings, fetchedAt: 9 }),
      (of) =>
        useTilesInView.getState().byGeometry.get(of) ?? {
          seen: null,
          problem: null,
          generation: 0,
        },
    );

  it('are the layer features: counted, selectable, without calling the rest of the state unknown', () => {
    const tiles = tiledFeatures({});
    expect(sourceOf(tiles).data?.geometry.length).toBe(0);
    expect(sourceOf(tiles).status.phase).toBe('loading');
    useTilesInView.getState().report(tiles, [featureTable([point('a'), point('b')])]);
    const source = sourceOf(tiles);
    expect(source.data?.geometry.length).toBe(2);
    expect(stateValue(source.data!.state, 'level', source.data!.geometry.indexOf('a'))).toBe(2);
    expect(source.status).toMatchObject({ phase: 'live', unknownIds: 0, tiled: true });
    expect(source.data?.tiled).toMatchObject({ tiles, readings, generation: 0 });
  });

  it('a failed tile puts the layer in error, keeps what is in view, and reads the tiles again later', () => {
    vi.useFakeTimers();
    const tiles = tiledFeatures({});
    const store = useTilesInView.getState();
    store.report(tiles, [featureTable([point('a')])]);
    store.fail(tiles, 'test.points: HTTP 503');
    store.report(tiles, [featureTable([point('a')]), null]);
    let source = sourceOf(tiles);
    expect(source.status).toMatchObject({ phase: 'error', error: 'test.points: HTTP 503' });
    expect(source.data?.geometry.length).toBe(1);
    expect(source.data?.tiled?.generation).toBe(0);
    vi.advanceTimersByTime(TILE_RETRY_MS);
    expect(sourceOf(tiles).data?.tiled?.generation).toBe(1);
    // Every tile in view loaded: the layer is well again.
    useTilesInView
      .getState()
      .report(tiles, [featureTable([point('a')]), featureTable([point('c')])]);
    source = sourceOf(tiles);
    expect(source.status.phase).toBe('live');
    expect(source.data?.geometry.length).toBe(2);
  });

  it('the same tiles again change nothing', () => {
    const tiles = tiledFeatures({});
    const table = featureTable([point('a')]);
    useTilesInView.getState().report(tiles, [table]);
    const before = useTilesInView.getState().byGeometry;
    useTilesInView.getState().report(tiles, [table]);
    expect(useTilesInView.getState().byGeometry).toBe(before);
  });
});
