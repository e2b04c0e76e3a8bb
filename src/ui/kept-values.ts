/**
 * Values kept from an earlier render while they say the same, so that what renders from them (a
 * memoized component, an effect, deck.gl's layer diff) is skipped on the renders that other
 * things cause: a clock, another layer's poll.
 *
 * Both hooks read and write a ref during render, which React's rules advise against because a
 * render may be thrown away. Here that is harmless: what a thrown-away render leaves in the ref
 * is still a value an equal input may reuse, and the comparison decides only identity, never
 * content.
 */
import { replaceEqualDeep } from '@tanstack/react-query';
import { useRef } from 'react';

/**
 * The value of the previous render wherever the new one is equal to it (plain objects and arrays
 * compared by content, anything else by reference), as the query cache shares its data.
 */
export function useStructuralSharing<T>(value: T): T {
  const kept = useRef<T>(value);
  /* eslint-disable react-hooks/refs -- see the module's comment */
  const shared = replaceEqualDeep(kept.current, value);
  kept.current = shared;
  /* eslint-enable react-hooks/refs */
  return shared;
}

/** The value of an earlier render while `same` says the new one is as good as it. */
export function useKept<T>(value: T, same: (kept: T, next: T) => boolean): T {
  const kept = useRef<T>(value);
  /* eslint-disable react-hooks/refs -- see the module's comment */
  if (kept.current !== value && !same(kept.current, value)) kept.current = value;
  return kept.current;
  /* eslint-enable react-hooks/refs */
}

/**
 * `useMemo` for a list of items: item `i` is made again only when its inputs changed (each
 * compared with `Object.is`), and the list keeps its identity while no item changed.
 */
export function useListMemo<V>(
  inputs: readonly (readonly unknown[])[],
  make: (index: number) => V,
): readonly V[] {
  const kept = useRef<{ values: readonly V[]; inputs: readonly (readonly unknown[])[] } | null>(
    null,
  );
  /* eslint-disable react-hooks/refs -- see the module's comment */
  const previous = kept.current;
  const values = inputs.map((itemInputs, i) => {
    const before = previous?.inputs[i];
    return previous && before && sameValues(before, itemInputs) ? previous.values[i]! : make(i);
  });
  if (previous && sameValues(previous.values, values)) return previous.values;
  kept.current = { values, inputs };
  /* eslint-enable react-hooks/refs */
  return values;
}

/** The same values in the same order, each compared with `Object.is`. */
export function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
