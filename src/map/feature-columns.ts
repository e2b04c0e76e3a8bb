/**
 * Per-feature values as typed columns, computed in one pass and kept with the data they come
 * from, so that a layer's colours are a pass over numbers by index and deck.gl's accessor only
 * copies (no lookups, no allocation per feature). A live update brings a new state table, and
 * with it new colours; the geometry's own columns are read once.
 */
import type { AccessorContext } from '@deck.gl/core';
import type { IndexedFeatures } from '../data/live-state';
import type { Rgba } from '../ui/theme';
import type { LayerData } from './layer-contract';

const propertyColumns = new WeakMap<IndexedFeatures, Map<string, Float64Array>>();

/** A numeric property of every feature, NaN where a feature has none. */
export function numberColumn(geometry: IndexedFeatures, key: string): Float64Array {
  let byKey = propertyColumns.get(geometry);
  if (!byKey) {
    byKey = new Map();
    propertyColumns.set(geometry, byKey);
  }
  let column = byKey.get(key);
  if (!column) {
    const { features } = geometry;
    column = new Float64Array(features.length);
    for (let index = 0; index < features.length; index++) {
      const value = features[index]!.properties[key];
      column[index] = typeof value === 'number' ? value : Number.NaN;
    }
    byKey.set(key, column);
  }
  return column;
}

/** A reading of a typed column as the domain functions take it: null for none. */
export function valueOrNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

/** RGBA bytes per feature, by feature index. */
export type ColourTable = Uint8ClampedArray;

const colourTables = new WeakMap<object, Map<string, ColourTable>>();

/**
 * Every feature's colour, `palette[paletteIndexOf(index)]`, computed once per read of the data
 * (its state table, or its geometry when it has no live state) and kept under `key`. A palette
 * index rather than a colour per feature: a number per call keeps the pass tight.
 */
export function featureColours(
  data: LayerData,
  key: string,
  palette: readonly Rgba[],
  paletteIndexOf: (index: number) => number,
): ColourTable {
  const read: object = data.state ?? data.geometry;
  let byKey = colourTables.get(read);
  if (!byKey) {
    byKey = new Map();
    colourTables.set(read, byKey);
  }
  let table = byKey.get(key);
  if (!table) {
    const count = data.geometry.features.length;
    const bytes = Uint8ClampedArray.from(palette.flatMap((colour) => [...colour]));
    table = new Uint8ClampedArray(count * 4);
    for (let index = 0; index < count; index++) {
      const from = paletteIndexOf(index) * 4;
      const at = index * 4;
      table[at] = bytes[from]!;
      table[at + 1] = bytes[from + 1]!;
      table[at + 2] = bytes[from + 2]!;
      table[at + 3] = bytes[from + 3]!;
    }
    byKey.set(key, table);
  }
  return table;
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
