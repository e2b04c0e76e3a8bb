/**
 * A value derived from an object that never changes, computed once and kept as long as the
 * object is (a WeakMap lets it go with it).
 */
export function weakMemo<K extends object, T>(derive: (key: K) => T): (key: K) => T {
  const kept = new WeakMap<K, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = derive(key);
      kept.set(key, value);
    }
    return value;
  };
}
