/**
 * The page's live feed: while the catalog is known and the adapter can push, live state comes
 * from the source's event stream instead of polling. Each pushed state goes into the query
 * cache under the dataset's live read, so the map, the KPIs and the details panel take it as
 * they take a polled one; polls meanwhile answer from what was pushed (data/http-adapter.ts)
 * and go to the source again only when the stream falls silent. When the stream says the alarms
 * changed, the alarm list is read again at once rather than at its next poll.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DataAdapter } from '../../data/adapter';
import { queryKeys } from '../../data/queries';
import type { Catalog } from '../../data/schemas';
import { createFeedStore, OFF, type LiveFeed } from './live-feed-store';

export type { LiveFeed, LiveFeedState } from './live-feed-store';

/**
 * The rate is the observations of this many last seconds, per second: long enough to span the
 * slowest usual cadence (30 s, 60 s for a few) so the rate does not drop to nothing between
 * events.
 */
const RATE_WINDOW_S = 30;

/** The datasets that have live state. */
function liveDatasets(catalog: Catalog): string[] {
  return catalog.datasets.filter((dataset) => dataset.stateCadenceS !== null).map((d) => d.id);
}

export function useLiveFeed(adapter: DataAdapter, catalog: Catalog | null): LiveFeed {
  const cache = useQueryClient();
  const [store] = useState(createFeedStore);
  const datasetKey = catalog ? liveDatasets(catalog).join(',') : '';

  useEffect(() => {
    const datasets = datasetKey ? datasetKey.split(',') : [];
    if (!adapter.capabilities.liveStream || !adapter.watchLiveState || datasets.length === 0) {
      store.set(OFF);
      return;
    }
    // Observations per whole second, the last RATE_WINDOW_S of them.
    const counts = new Array<number>(RATE_WINDOW_S).fill(0);
    let second = Math.floor(Date.now() / 1_000);
    const roll = () => {
      const now = Math.floor(Date.now() / 1_000);
      for (; second < now; second++) counts[(second + 1) % RATE_WINDOW_S] = 0;
    };
    const unwatch = adapter.watchLiveState(datasets, {
      onState: (datasetId, state) =>
        cache.setQueryData(queryKeys.liveState(adapter, datasetId), state),
      onOverdue: (datasetId) =>
        void cache.invalidateQueries({
          queryKey: queryKeys.liveState(adapter, datasetId),
          exact: true,
        }),
      onBatch: (batch) => {
        if (batch.alarmsChanged)
          void cache.invalidateQueries({ queryKey: queryKeys.alarms(adapter), exact: true });
        roll();
        counts[second % RATE_WINDOW_S]! += batch.observations;
        store.dropped(batch.problems);
      },
      onStatus: (status) =>
        store.set({ kind: status.kind, message: 'message' in status ? status.message : null }),
    });
    const timer = window.setInterval(() => {
      roll();
      const total = counts.reduce((sum, count) => sum + count, 0);
      store.set({ observationsPerS: Math.round(total / RATE_WINDOW_S) });
    }, 1_000);
    return () => {
      window.clearInterval(timer);
      unwatch();
      store.set(OFF);
    };
  }, [adapter, cache, datasetKey, store]);

  return store;
}
