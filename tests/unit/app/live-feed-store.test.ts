import { describe, expect, it } from 'vitest';
import { createFeedStore, OFF } from '../../../src/app/live/live-feed-store';

describe('the live feed store', () => {
  it('tells its listeners of a change, and only of a change', () => {
    const store = createFeedStore();
    let heard = 0;
    const stop = store.subscribe(() => (heard += 1));
    store.set({ kind: 'open' });
    store.set({ kind: 'open' });
    store.set({ observationsPerS: 5_000 });
    expect(heard).toBe(2);
    expect(store.get()).toMatchObject({ kind: 'open', observationsPerS: 5_000 });
    stop();
    store.set(OFF);
    expect(heard).toBe(2);
  });

  it('counts the events dropped as unreadable and keeps why the last one was', () => {
    const store = createFeedStore();
    store.dropped([]);
    expect(store.get().droppedEvents).toBe(0);
    store.dropped(['state event: not JSON']);
    store.dropped(['state event: invalid data at columns.speed.3', 'state event: not JSON']);
    expect(store.get()).toMatchObject({ droppedEvents: 3, lastProblem: 'state event: not JSON' });
  });
});
