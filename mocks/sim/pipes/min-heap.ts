/** A binary min-heap of (priority, node) pairs for Dijkstra; stale entries are skipped by the caller. */
export class MinHeap {
  private priorities: Float64Array;
  private values: Int32Array;
  private count = 0;

  constructor(capacity = 64) {
    this.priorities = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(priority: number, value: number): void {
    if (this.count === this.values.length) this.grow();
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.priorities[parent]! <= priority) break;
      this.priorities[i] = this.priorities[parent]!;
      this.values[i] = this.values[parent]!;
      i = parent;
    }
    this.priorities[i] = priority;
    this.values[i] = value;
  }

  /** The smallest priority (read before `pop`). */
  peekPriority(): number {
    return this.priorities[0]!;
  }

  pop(): number {
    const top = this.values[0]!;
    const last = --this.count;
    const priority = this.priorities[last]!;
    const value = this.values[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.priorities[child + 1]! < this.priorities[child]!) child++;
      if (this.priorities[child]! >= priority) break;
      this.priorities[i] = this.priorities[child]!;
      this.values[i] = this.values[child]!;
      i = child;
    }
    this.priorities[i] = priority;
    this.values[i] = value;
    return top;
  }

  private grow(): void {
    const priorities = new Float64Array(this.values.length * 2);
    const values = new Int32Array(this.values.length * 2);
    priorities.set(this.priorities);
    values.set(this.values);
    this.priorities = priorities;
    this.values = values;
  }
}
