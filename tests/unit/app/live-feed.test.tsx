// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useLiveFeed } from '../../../src/app/live/live-feed';
import type { DataAdapter, LiveStateWatch } from '../../../src/data/adapter';
import type { StreamBatch } from '../../../src/data/live-stream-ingest';
import { queryKeys } from '../../../src/data/queries';
import type { Catalog } from '../../../src/data/schemas';

const catalog = {
  datasets: [{ id: 'traffic.roads', stateCadenceS: 10 }],
} as unknown as Catalog;

const batch = (alarmsChanged: boolean): StreamBatch => ({
  updates: [],
  problems: [],
  observations: 0,
  alarmsChanged,
  broken: false,
});

function setup() {
  let watch: LiveStateWatch | null = null;
  const adapter = {
    id: 'stub',
    capabilities: { liveStream: true },
    watchLiveState: (_datasets: readonly string[], heard: LiveStateWatch) => {
      watch = heard;
      return () => undefined;
    },
  } as unknown as DataAdapter;
  const client = new QueryClient();
  const now = queryKeys.alarms(adapter);
  const past = queryKeys.alarms(adapter, Date.parse('2026-01-15T00:00:00Z'));
  client.setQueryData(now, { alarms: [] });
  client.setQueryData(past, { alarms: [] });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(() => useLiveFeed(adapter, catalog), { wrapper });
  const invalidated = (key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;
  return { hear: (heard: StreamBatch) => watch!.onBatch!(heard), invalidated, now, past, hook };
}

describe('useLiveFeed', () => {
  it('reads the alarm list again at once when the stream says the alarms changed', () => {
    const { hear, invalidated, now, past, hook } = setup();
    hear(batch(false));
    expect(invalidated(now)).toBe(false);
    hear(batch(true));
    expect(invalidated(now)).toBe(true);
    // A read of the past does not change with the present's alarms.
    expect(invalidated(past)).toBe(false);
    hook.unmount();
  });
});
