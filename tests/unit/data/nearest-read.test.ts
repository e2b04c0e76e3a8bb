import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { alarmsQuery, nearestRead, PAST_READ_GC_MS, queryKeys } from '../../../src/data/queries';
import type { DataAdapter } from '../../../src/data/adapter';

const adapter = { id: 'test' } as DataAdapter;

describe('the data shown while a past read loads', () => {
  it('is the read of the same resource nearest in time, the live one only when no past one is cached', () => {
    const cache = new QueryClient();
    const live = queryKeys.liveState(adapter, 'traffic.roads');
    expect(nearestRead(cache, live, 5_000)()).toBeUndefined();
    cache.setQueryData(live, 'live');
    cache.setQueryData(queryKeys.liveState(adapter, 'pipes.water', 4_000), 'another dataset');
    expect(nearestRead(cache, live, 5_000)()).toBe('live');
    cache.setQueryData(queryKeys.liveState(adapter, 'traffic.roads', 1_000), 'at 1000');
    cache.setQueryData(queryKeys.liveState(adapter, 'traffic.roads', 9_000), 'at 9000');
    expect(nearestRead(cache, live, 5_000)()).toBe('at 1000');
    expect(nearestRead(cache, live, 8_000)()).toBe('at 9000');
  });
});

describe('reads of the past', () => {
  it('are kept only briefly once nothing shows them, so a moving replay cannot fill the cache', () => {
    expect(alarmsQuery(adapter, { at: 60_000 }).gcTime).toBe(PAST_READ_GC_MS);
    expect(alarmsQuery(adapter).gcTime).toBeUndefined();
  });
});
