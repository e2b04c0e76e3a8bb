/**
 * A binary min-heap of (key, value) pairs in typed arrays, for Dijkstra. Entries are never
 * decreased in place: a better key is pushed again and stale entries are skipped when popped,
 * which is simpler and, on road graphs, as fast.
 */
export class MinHeap {
  private keys: Float64Array;
  private values: Int32Array;
  private count = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(key: number, value: number): void {
    if (this.count === this.keys.length) this.grow();
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentKey = this.keys[parent]!;
      if (parentKey <= key) break;
      this.keys[i] = parentKey;
      this.values[i] = this.values[parent]!;
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  /** Key of the smallest entry (Infinity when empty). */
  peekKey(): number {
    return this.count > 0 ? this.keys[0]! : Infinity;
  }

  /** Removes the smallest entry and returns its value (-1 when empty). */
  pop(): number {
    if (this.count === 0) return -1;
    const top = this.values[0]!;
    const last = --this.count;
    const key = this.keys[last]!;
    const value = this.values[last]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.keys[right]! < this.keys[left]! ? right : left;
      if (this.keys[child]! >= key) break;
      this.keys[i] = this.keys[child]!;
      this.values[i] = this.values[child]!;
      i = child;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    const values = new Int32Array(this.values.length * 2);
    keys.set(this.keys);
    values.set(this.values);
    this.keys = keys;
    this.values = values;
  }
}
