/**
 * A small least-recently-used cache. The simulation memoises evaluations, alarm steps and
 * background events with it, so memory stays bounded however long a wall screen runs.
 */
export interface Lru<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  /** The cached value, or `create()` stored under the key. */
  getOrCreate(key: K, create: () => V): V;
  /** Drops every entry whose key matches (the event log grew, so later times are stale). */
  deleteWhere(predicate: (key: K) => boolean): void;
  clear(): void;
  readonly size: number;
}

export function createLru<K, V>(capacity: number): Lru<K, V> {
  if (!(capacity >= 1)) throw new Error(`LRU capacity must be at least 1, got ${capacity}`);
  // A Map iterates in insertion order: re-inserting on every hit keeps the oldest entry first.
  const entries = new Map<K, V>();
  const lru: Lru<K, V> = {
    get(key) {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key) as V;
      entries.delete(key);
      entries.set(key, value);
      return value;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
    getOrCreate(key, create) {
      if (entries.has(key)) return lru.get(key) as V;
      const value = create();
      lru.set(key, value);
      return value;
    },
    deleteWhere(predicate) {
      for (const key of [...entries.keys()]) if (predicate(key)) entries.delete(key);
    },
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
  return lru;
}
