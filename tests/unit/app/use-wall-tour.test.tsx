// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BBox } from '../../../src/data/schemas';
import type { LayerDefinition } from '../../../src/map/layer-contract';
import { useUiStore } from '../../../src/map/store';
import type { ViewedAlarm } from '../../../src/ops/alarms/optimistic';
import type { WallConfig } from '../../../src/app/config/runtime-config';
import { useWallTour, type WallTourOptions } from '../../../src/app/wall/use-wall-tour';

const CITY: BBox = [100, 30, 101, 31];

const layer = (id: string, defaultVisible: boolean) =>
  ({
    id,
    domain: 'traffic',
    titleKey: id,
    dataset: `${id}-data`,
    defaultVisible,
    defaultOpacity: 1,
  }) as unknown as LayerDefinition;

const LAYERS = [layer('traffic.roads', true), layer('traffic.signals', false)];

const WALL: WallConfig = {
  tour: [
    { areaId: null, durationS: 30 },
    { areaId: null, layers: ['traffic.signals'], durationS: 30 },
  ],
  preemptSeverity: 3,
  holdS: 60,
  watchdogS: 180,
};

const alarm = (id: string) =>
  ({
    id,
    severity: 3,
    status: 'open',
    raisedAt: '2026-01-15T08:00:00Z',
    datasetId: 'traffic.roads-data',
    featureIds: ['r-7'],
    areaId: 'd-01',
    position: [100.5, 30.5],
    bbox: [100.4, 30.4, 100.6, 30.6],
  }) as unknown as ViewedAlarm;

function options(alarms: readonly ViewedAlarm[], overrides: Partial<WallTourOptions> = {}) {
  return {
    wall: WALL,
    desk: {
      alarms,
      byId: new Map(alarms.map((each) => [each.id, each])),
      query: { data: {} } as WallTourOptions['desk']['query'],
    },
    tree: null,
    areaNames: new Map([['d-01', 'Old Town']]),
    cityName: 'Demo Town',
    cityBbox: CITY,
    layers: LAYERS,
    isVisible: (layer) => layer.defaultVisible,
    layerTitle: (each: LayerDefinition) => each.titleKey,
    language: 'en',
    running: false,
    linked: false,
    ...overrides,
  } satisfies WallTourOptions;
}

describe('the wall tour', () => {
  afterEach(() => {
    window.history.replaceState(null, '', '/');
    useUiStore.setState({ layerSettings: {} });
  });

  it('starts at the view the link names, says it in the callout and flies to it', () => {
    window.history.replaceState(null, '', '/?mode=wall&tour=0');
    const { result, unmount } = renderHook(() => useWallTour(options([])));
    expect(result.current.kind).toBe('touring');
    expect(result.current.viewKey).toBe('view:0:0');
    expect(result.current.subject).toEqual({
      kind: 'view',
      place: 'Demo Town',
      layers: 'traffic.roads',
      step: 1,
      of: 2,
    });
    expect(result.current.cameraRequest).toMatchObject({ bbox: CITY, maxZoom: 15 });
    expect(result.current.emphasis).toBeNull();
    expect(result.current.attention).toEqual([]);
    unmount();
  });

  it('shows the layers a view names, and keeps its place in the link', () => {
    window.history.replaceState(null, '', '/?mode=wall&tour=1');
    const { result, unmount } = renderHook(() => useWallTour(options([])));
    expect(result.current.viewKey).toBe('view:1:0');
    const settings = useUiStore.getState().layerSettings;
    expect(settings['traffic.signals']?.visible).toBe(true);
    expect(settings['traffic.roads']?.visible).toBe(false);
    expect(new URLSearchParams(window.location.search).get('tour')).toBe('1');
    expect(new URLSearchParams(window.location.search).get('mode')).toBe('wall');
    unmount();
  });

  it('leaves the camera where a link put it for the first view', () => {
    const { result, unmount } = renderHook(() => useWallTour(options([], { linked: true })));
    expect(result.current.cameraRequest).toBeNull();
    unmount();
  });

  it('features a new severe alarm: callout, camera, emphasis and attention', () => {
    const standing = alarm('standing');
    const { result, rerender, unmount } = renderHook(
      ({ alarms }: { alarms: readonly ViewedAlarm[] }) => useWallTour(options(alarms)),
      { initialProps: { alarms: [standing] } },
    );
    // What stood before the wall started is not news.
    expect(result.current.kind).toBe('touring');
    const fresh = alarm('fresh');
    rerender({ alarms: [standing, fresh] });
    expect(result.current.kind).toBe('featuring');
    expect(result.current.viewKey).toBe('alarm:fresh');
    expect(result.current.subject).toEqual({ kind: 'alarm', alarm: fresh, place: 'Old Town' });
    expect(result.current.cameraRequest).toMatchObject({ bbox: fresh.bbox, maxZoom: 16 });
    expect(result.current.emphasis).toEqual({ layerId: 'traffic.roads', featureIds: ['r-7'] });
    expect(result.current.attention).toEqual([fresh.position]);
    unmount();
  });
});
