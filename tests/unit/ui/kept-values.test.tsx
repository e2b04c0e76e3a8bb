// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useKept, useListMemo, useStructuralSharing } from '../../../src/ui/kept-values';

describe('useListMemo', () => {
  it('makes an item again only when its inputs change, and keeps the list while none did', () => {
    const make = vi.fn((i: number) => ({ made: i }));
    const { result, rerender } = renderHook(
      ({ inputs }: { inputs: unknown[][] }) => useListMemo(inputs, make),
      {
        initialProps: {
          inputs: [
            ['a', 1],
            ['b', 1],
          ],
        },
      },
    );
    const first = result.current;
    expect(first).toEqual([{ made: 0 }, { made: 1 }]);

    rerender({
      inputs: [
        ['a', 1],
        ['b', 1],
      ],
    });
    expect(result.current).toBe(first);
    expect(make).toHaveBeenCalledTimes(2);

    rerender({
      inputs: [
        ['a', 1],
        ['b', 2],
      ],
    });
    expect(result.current).not.toBe(first);
    expect(result.current[0]).toBe(first[0]);
    expect(result.current[1]).not.toBe(first[1]);
    expect(make).toHaveBeenCalledTimes(3);
  });

  it('makes every item when the list grows or shrinks', () => {
    const { result, rerender } = renderHook(
      ({ inputs }: { inputs: unknown[][] }) => useListMemo(inputs, (i) => ({ i })),
      { initialProps: { inputs: [['a']] } },
    );
    const first = result.current;
    rerender({ inputs: [['a'], ['b']] });
    expect(result.current).toHaveLength(2);
    expect(result.current[0]).toBe(first[0]);
    rerender({ inputs: [['a']] });
    expect(result.current).toHaveLength(1);
  });
});

describe('useStructuralSharing', () => {
  it('keeps the previous value where the new one is equal to it', () => {
    const table = new Float32Array(3);
    const { result, rerender } = renderHook(({ value }) => useStructuralSharing(value), {
      initialProps: {
        value: [
          { id: 'a', trend: [1, 2], table },
          { id: 'b', trend: [3] },
        ],
      },
    });
    const first = result.current;
    rerender({
      value: [
        { id: 'a', trend: [1, 2], table },
        { id: 'b', trend: [3] },
      ],
    });
    expect(result.current).toBe(first);

    rerender({
      value: [
        { id: 'a', trend: [1, 2], table },
        { id: 'b', trend: [4] },
      ],
    });
    expect(result.current).not.toBe(first);
    expect(result.current[0]).toBe(first[0]);
    expect(result.current[1]).toEqual({ id: 'b', trend: [4] });
  });

  it('compares what is not a plain object or array by reference', () => {
    const { result, rerender } = renderHook(({ value }) => useStructuralSharing(value), {
      initialProps: { value: { table: new Float32Array([1]) } },
    });
    const first = result.current;
    rerender({ value: { table: new Float32Array([1]) } });
    expect(result.current).not.toBe(first);
  });
});

describe('useKept', () => {
  it('keeps the earlier value while the comparison accepts the new one', () => {
    const close = (a: number, b: number) => Math.abs(a - b) < 1;
    const { result, rerender } = renderHook(({ value }) => useKept(value, close), {
      initialProps: { value: 10 },
    });
    rerender({ value: 10.5 });
    expect(result.current).toBe(10);
    rerender({ value: 12 });
    expect(result.current).toBe(12);
  });
});
