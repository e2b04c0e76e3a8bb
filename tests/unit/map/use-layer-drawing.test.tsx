// @vitest-environment jsdom
import type { Layer } from '@deck.gl/core';
import type { MapLibreOverlay } from '@deck.gl/maplibre';
import { act, renderHook } from '@testing-library/react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { describe, expect, it, vi } from 'vitest';
import type { LayerSource } from '../../../src/map/layer-sources';
import {
  useDrawnLayers,
  useLayerDrawing,
  type LayerDrawingInput,
} from '../../../src/map/use-layer-drawing';
import { fakeLayer, pointData } from './fake-layer';

const source: LayerSource = {
  layer: fakeLayer,
  dataset: null,
  data: pointData(['a', 'b']),
  status: { phase: 'live', observedAt: 0, cadenceS: 10, error: null },
};
const input: LayerDrawingInput = {
  sources: [source],
  settings: {},
  language: 'en',
  zoom: 14,
  selection: null,
  embedded: null,
};

/** A map that has loaded, whose frames the test draws, and an overlay that keeps its layers. */
function setup() {
  const renderListeners = new Set<() => void>();
  const map = {
    on: (_type: string, listener: () => void) => renderListeners.add(listener),
    off: (_type: string, listener: () => void) => renderListeners.delete(listener),
    loaded: () => true,
    triggerRepaint: vi.fn(),
    isMoving: () => false,
  };
  const handed: Layer[][] = [];
  const overlay = { setProps: ({ layers }: { layers: Layer[] }) => handed.push(layers) };
  const mapRef = { current: map as unknown as MapLibreMap };
  const overlayRef = { current: overlay as unknown as MapLibreOverlay };
  const hook = renderHook(
    ({ props, basemapReady }: { props: LayerDrawingInput; basemapReady: boolean }) => {
      const drawn = useDrawnLayers();
      useLayerDrawing(drawn, mapRef, overlayRef, true, basemapReady, props);
      return drawn;
    },
    { initialProps: { props: input, basemapReady: false } },
  );
  /** The domain layer in the layers last handed to the overlay. */
  const pointsLayer = () => handed.at(-1)?.find((layer) => layer.id === 'test.points');
  const drawFrame = () => act(() => [...renderListeners].forEach((listener) => listener()));
  return { ...hook, handed, pointsLayer, drawFrame, renderListeners };
}

describe('useLayerDrawing', () => {
  it('hands the layers to the overlay, and keeps the unchanged ones until a new map', () => {
    const { result, rerender, handed, pointsLayer } = setup();
    const drawn = result.current;
    expect(handed).toHaveLength(1);
    const first = pointsLayer();
    expect(first).toBeDefined();
    expect(drawn.drawnLayersRef.current).toBe(handed[0]);

    // Another feature layer's selection: this layer is handed back as it was.
    const selected = { ...input, selection: { layerId: 'other', featureId: 'x' } };
    rerender({ props: selected, basemapReady: false });
    expect(result.current).toBe(drawn);
    expect(handed).toHaveLength(2);
    expect(pointsLayer()).toBe(first);

    // A new map: layers drawn on the one before are no use to it.
    drawn.mapCreated();
    rerender({
      props: { ...input, selection: { layerId: 'other', featureId: 'y' } },
      basemapReady: false,
    });
    expect(handed).toHaveLength(3);
    expect(pointsLayer()).not.toBe(first);
  });

  it('hands new layers over once more after a frame with the base map loaded', () => {
    const { rerender, handed, pointsLayer, drawFrame, renderListeners } = setup();
    const before = pointsLayer();
    rerender({ props: input, basemapReady: true });
    expect(handed).toHaveLength(1);
    drawFrame();
    expect(handed).toHaveLength(2);
    expect(pointsLayer()).not.toBe(before);
    // Only once.
    expect(renderListeners.size).toBe(0);
  });

  it('names the layers handed over that deck.gl has not loaded', () => {
    const { result, handed } = setup();
    // Never drawn by deck.gl here: none of them has loaded.
    expect(result.current.pendingFor(input.zoom)).toEqual(handed[0]!.map((layer) => layer.id));
  });

  it('says the layers are not complete while they were made for another zoom than the map’s', () => {
    const { result, rerender, handed } = setup();
    const ids = handed[0]!.map((layer) => layer.id);
    // A jump to 15.3: the map is there at once, the layers once React has rendered the new zoom.
    expect(result.current.pendingFor(15.3)).toEqual([...ids, 'zoom']);
    rerender({ props: { ...input, zoom: 15 }, basemapReady: false });
    expect(result.current.pendingFor(15.3)).toEqual(handed.at(-1)!.map((layer) => layer.id));
    // Within the same half level the layers are the same.
    expect(result.current.pendingFor(15.49)).not.toContain('zoom');
  });

  it('a new map has none of the layers until they are handed to it', () => {
    const { result, rerender, handed } = setup();
    result.current.mapCreated();
    expect(result.current.pendingFor(input.zoom)).toEqual(['zoom']);
    rerender({
      props: { ...input, selection: { layerId: 'other', featureId: 'x' } },
      basemapReady: false,
    });
    expect(result.current.pendingFor(input.zoom)).toEqual(handed.at(-1)!.map((layer) => layer.id));
  });
});
