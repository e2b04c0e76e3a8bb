/**
 * Per-feature values as typed columns, computed in one pass and kept with the data they come
 * from, so that a layer's colours are a pass over numbers by index and deck.gl's accessor only
 * copies (no lookups, no allocation per feature). A live update brings a new state table, and
 * with it new colours; the geometry's own columns are read once.
 */
import type { AccessorContext } from '@deck.gl/core';
import type { Rgba } from '../ui/theme';
import type { LayerData } from './layer-contract';

/** A reading of a typed column as the domain functions take it: null for none. */
export function valueOrNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** RGBA bytes per feature, by feature index. */
export type ColourTable = Uint8ClampedArray;

/** By the read (its state table, or its geometry when it has no state), then by key. */
const tables = new WeakMap<object, Map<string, Uint8Array | Uint8ClampedArray>>();

function kept<T extends Uint8Array | Uint8ClampedArray>(
  data: LayerData,
  key: string,
  make: () => T,
): T {
  const read: object = data.state ?? data.geometry;
  let byKey = tables.get(read);
  if (!byKey) {
    byKey = new Map();
    tables.set(read, byKey);
  }
  let table = byKey.get(key) as T | undefined;
  if (!table) {
    table = make();
    byKey.set(key, table);
  }
  return table;
}

/**
 * Every feature's class (a status, a level: a small number, by feature index), computed once per
 * read of the data and kept under `key`: one pass for everything drawn from it (colour, width).
 */
export function featureClasses(
  data: LayerData,
  key: string,
  classOf: (index: number) => number,
): Uint8Array {
  return kept(data, `${key}#classes`, () => {
    const classes = new Uint8Array(data.geometry.length);
    for (let index = 0; index < classes.length; index++) classes[index] = classOf(index);
    return classes;
  });
}

/**
 * Every feature's colour, `palette[classOf(index)]`, computed once per read of the data and kept
 * under `key`. A class number rather than a colour per feature keeps the pass tight.
 */
export function featureColours(
  data: LayerData,
  key: string,
  palette: readonly Rgba[],
  classOf: (index: number) => number,
): ColourTable {
  const classes = featureClasses(data, key, classOf);
  return kept(data, `${key}#colours`, () => {
    const bytes = Uint8ClampedArray.from(palette.flatMap((colour) => [...colour]));
    const table = new Uint8ClampedArray(classes.length * 4);
    for (let index = 0; index < classes.length; index++) {
      const from = classes[index]! * 4;
      const at = index * 4;
      table[at] = bytes[from]!;
      table[at + 1] = bytes[from + 1]!;
      table[at + 2] = bytes[from + 2]!;
      table[at + 3] = bytes[from + 3]!;
    }
    return table;
  });
}

/** A deck.gl colour accessor that copies feature `index`'s colour from the table into deck's target. */
export function colourFromTable<T>(
  table: ColourTable,
): (object: T, info: AccessorContext<T>) => [number, number, number, number] {
  return (_object, { index, target }) => {
    const at = index * 4;
    target[0] = table[at]!;
    target[1] = table[at + 1]!;
    target[2] = table[at + 2]!;
    target[3] = table[at + 3]!;
    // deck.gl's own array for the result, filled in place: nothing is allocated per feature.
    return target as [number, number, number, number];
  };
}
