// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { DataAdapter, Fetched } from '../../../src/data/adapter';
import { stateValue } from '../../../src/data/live-state';
import { queryKeys } from '../../../src/data/queries';
import type { Catalog, LiveReadings } from '../../../src/data/schemas';
import { defineLayer } from '../../../src/map/layer-contract';
import { useLayerSources } from '../../../src/map/layer-sources';
import { fakeDataset, fakeLayer, pointData } from './fake-layer';

const otherLayer = defineLayer({ ...fakeLayer, id: 'test.other', dataset: 'test.other' });
const layers = [fakeLayer, otherLayer];
// An hour's cadence: nothing is polled again while the test runs.
const catalog = {
  datasets: [fakeDataset('test.points', 3600), fakeDataset('test.other', 3600)],
} as unknown as Catalog;

const reading = (datasetId: string, value: number): Fetched<LiveReadings> => ({
  data: {
    dataset: datasetId,
    observedAt: '2026-01-15T00:00:00Z',
    cadenceS: 3600,
    ids: ['a'],
    columns: { level: [value] },
  },
  fetchedAt: 0,
});

const adapter = {
  id: 'stub',
  capabilities: {},
  getGeometry: async () => ({ data: pointData(['a']).geometry, fetchedAt: 0 }),
  getLiveState: async (datasetId: string) => reading(datasetId, 0),
} as unknown as DataAdapter;

function setup() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(
    ({ tick }: { tick: number }) => {
      void tick;
      return useLayerSources(adapter, catalog, layers, () => true);
    },
    { wrapper, initialProps: { tick: 0 } },
  );
  return { client, ...hook };
}

describe('useLayerSources', () => {
  it('keeps the list, and each unchanged source, across renders that change no data', async () => {
    const { client, result, rerender, unmount } = setup();
    await waitFor(() =>
      expect(result.current.every((source) => source.status.phase === 'live')).toBe(true),
    );
    const loaded = result.current;
    rerender({ tick: 1 });
    expect(result.current).toBe(loaded);

    // A new live state of one layer: that source is new, the other is the same object.
    act(() =>
      client.setQueryData(queryKeys.liveState(adapter, 'test.other'), reading('test.other', 2)),
    );
    await waitFor(() => expect(result.current).not.toBe(loaded));
    expect(result.current[0]).toBe(loaded[0]);
    expect(result.current[1]).not.toBe(loaded[1]);
    expect(stateValue(result.current[1]!.data!.state, 'level', 0)).toBe(2);
    unmount();
    client.clear();
  });
});
