// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { RuntimeConfig } from '../../../src/app/config/runtime-config';
import { useBasemapChoice, useLayerVisibility, useSourceTime } from '../../../src/app/map-setup';
import type { DataAdapter } from '../../../src/data/adapter';
import type { LayerDefinition } from '../../../src/map/layer-contract';
import { wallTime } from '../../../src/ui/display-time';

const BASEMAP = { layers: [] };

function stubAdapter(capabilities: { basemap?: boolean; demoControls?: boolean }) {
  const getBasemap = vi.fn(() => Promise.resolve({ data: BASEMAP, fetchedAt: 0 }));
  const getClock = vi.fn(() => new Promise(() => undefined));
  const adapter = {
    id: 'stub',
    capabilities: { basemap: false, demoControls: false, ...capabilities },
    getBasemap,
    getClock,
  } as unknown as DataAdapter;
  return { adapter, getBasemap, getClock };
}

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

const config = (basemap: RuntimeConfig['basemap']) => ({ basemap }) as RuntimeConfig;

describe('useBasemapChoice', () => {
  it('takes a configured style by its URL and reads no base map from the source', () => {
    const { adapter, getBasemap } = stubAdapter({ basemap: true });
    const url = 'https://tiles.example/style.json';
    const { result } = renderHook(() => useBasemapChoice(adapter, config({ kind: 'style', url })), {
      wrapper: wrapper(),
    });
    expect(result.current.choice).toEqual({ kind: 'style', url });
    expect(getBasemap).not.toHaveBeenCalled();
  });

  it("embeds the source's base map once it is read", async () => {
    const { adapter } = stubAdapter({ basemap: true });
    const { result } = renderHook(() => useBasemapChoice(adapter, config({ kind: 'embedded' })), {
      wrapper: wrapper(),
    });
    expect(result.current.choice).toEqual({ kind: 'embedded', data: null });
    await waitFor(() => expect(result.current.choice).toEqual({ kind: 'embedded', data: BASEMAP }));
  });

  it('asks no source for a base map it does not have', () => {
    const { adapter, getBasemap } = stubAdapter({ basemap: false });
    const { result } = renderHook(() => useBasemapChoice(adapter, config({ kind: 'embedded' })), {
      wrapper: wrapper(),
    });
    expect(result.current.choice).toEqual({ kind: 'embedded', data: null });
    expect(getBasemap).not.toHaveBeenCalled();
  });
});

describe('useLayerVisibility', () => {
  it("follows the user's setting, else the layer's default", () => {
    const layer = (id: string, defaultVisible: boolean) =>
      ({ id, defaultVisible, defaultOpacity: 1 }) as unknown as LayerDefinition;
    const { result } = renderHook(() =>
      useLayerVisibility({ 'traffic.roads': { visible: false, opacity: 1 } }),
    );
    expect(result.current(layer('traffic.roads', true))).toBe(false);
    expect(result.current(layer('traffic.signals', true))).toBe(true);
  });
});

describe('useSourceTime', () => {
  it('is the wall clock, known at once, without a demo backend', () => {
    const { adapter, getClock } = stubAdapter({ demoControls: false });
    const { result } = renderHook(() => useSourceTime(adapter), { wrapper: wrapper() });
    expect(result.current).toEqual({ sourceTime: wallTime, sourceKnown: true });
    expect(getClock).not.toHaveBeenCalled();
  });

  it('is not known until a demo backend’s clock is read', () => {
    const { adapter, getClock } = stubAdapter({ demoControls: true });
    const { result } = renderHook(() => useSourceTime(adapter), { wrapper: wrapper() });
    expect(result.current.sourceKnown).toBe(false);
    expect(getClock).toHaveBeenCalled();
  });
});
