/**
 * A dataset's features as the page holds them. A dataset of points or of lines comes as columns:
 * positions in one flat array (deck.gl draws them as binary attributes), ids and property values
 * in typed arrays, decoded off the main thread (feature-columns-decoding.ts). A feature object is
 * made only when one is asked for (a pick, the details panel, an export), so a million pipes
 * cost the JS heap almost nothing. Other shapes (polygons, multi-part lines) are small datasets
 * here and stay the validated GeoJSON features. Everything else reads features through this
 * interface, by index.
 */
import { featureColumns, type DecodedGeometry } from './feature-columns-decoding';
import { weakMemo } from './weak-memo';
import { packedIndexOf, packedIs, packedText, type PackedTexts } from './packed-texts';
import type { Feature, FeatureCollection, FeatureProperties, Geometry, Position } from './schemas';

export type PropertyValue = FeatureProperties[string];

/** Points or lines as flat arrays, in the layout deck.gl takes as binary data. */
export interface BinaryGeometry {
  readonly type: 'Point' | 'LineString';
  /** x, y of every vertex, feature after feature. */
  readonly positions: Float64Array;
  /** Each feature's first vertex, then the number of vertices (`length + 1` entries). */
  readonly starts: Uint32Array;
}

/** Property values that are not all numbers: each distinct value once, features by its code. */
export interface CodedValues {
  /** −1: the feature has no value. */
  readonly codes: Int32Array;
  /** Each distinct value as JSON. */
  readonly dictionary: PackedTexts;
}

/** Features as columns: typed arrays only, so they cross from a worker without copying. */
export interface FeatureColumns extends BinaryGeometry {
  readonly ids: PackedTexts;
  /** `textSlots(ids)`: the id lookup, built with the columns. */
  readonly idSlots: Int32Array;
  /** Properties whose values are all numbers; NaN where a feature has none (or null). */
  readonly numbers: Readonly<Record<string, Float64Array>>;
  readonly values: Readonly<Record<string, CodedValues>>;
  /** Every property key, in the order the source first gave them (a feature's keys follow it). */
  readonly keys: readonly string[];
}

export interface FeatureTable {
  readonly length: number;
  /** Positions for deck.gl's binary attributes; null when the features are kept as objects. */
  readonly binary: BinaryGeometry | null;
  /** The features themselves when kept as objects; null for columns. */
  readonly objects: readonly Feature[] | null;
  /** The ids packed, for columns; null for objects. */
  readonly packedIds: PackedTexts | null;
  id(index: number): string;
  /** The index of the feature with this id, −1 for none. */
  indexOf(id: string): number;
  /** Whether feature `index` has this id (from columns, compared without decoding it). */
  hasId(index: number, id: string): boolean;
  /** The whole feature. From columns it is made anew on each call: read, don't keep many. */
  feature(index: number): Feature;
  /** One property of one feature, without making the feature. */
  property(index: number, key: string): PropertyValue | undefined;
  /** A numeric property of every feature (NaN where a feature has none), computed once per key. */
  numbers(key: string): Float64Array;
}

export function objectTable(collection: FeatureCollection): FeatureTable {
  const { features } = collection;
  const indexById = new Map<string, number>();
  features.forEach((feature, index) => {
    if (!indexById.has(feature.id)) indexById.set(feature.id, index);
  });
  const numberColumns = new Map<string, Float64Array>();
  return {
    length: features.length,
    binary: null,
    objects: features,
    packedIds: null,
    id: (index) => features[index]!.id,
    indexOf: (id) => indexById.get(id) ?? -1,
    hasId: (index, id) => features[index]?.id === id,
    feature: (index) => features[index]!,
    property: (index, key) => features[index]!.properties[key],
    numbers(key) {
      let column = numberColumns.get(key);
      if (!column) {
        column = new Float64Array(features.length);
        for (let index = 0; index < features.length; index++) {
          const value = features[index]!.properties[key];
          column[index] = typeof value === 'number' ? value : Number.NaN;
        }
        numberColumns.set(key, column);
      }
      return column;
    },
  };
}

/** Validated features as the page holds them: columns for points or lines, objects otherwise. */
export function featureTable(features: readonly Feature[]): FeatureTable {
  const columns = featureColumns(features);
  return columns
    ? columnsTable(columns)
    : // Kept as they are (never written to).
      objectTable({ type: 'FeatureCollection', features: features as Feature[] });
}

/** The table of a decoded geometry response. */
export function featureTableOf(decoded: DecodedGeometry): FeatureTable {
  return decoded.layout === 'columns'
    ? columnsTable(decoded.columns)
    : objectTable(decoded.collection);
}

/** Decoded dictionary values kept per column: enough for a pass over a few classes. */
const DECODED_VALUES_KEPT = 4096;

export function columnsTable(columns: FeatureColumns): FeatureTable {
  const length = columns.ids.ends.length;
  const decoded = new Map<string, Map<number, PropertyValue>>();
  const derivedNumbers = new Map<string, Float64Array>();

  function codedValue(key: string, coded: CodedValues, code: number): PropertyValue {
    let byCode = decoded.get(key);
    if (!byCode) {
      byCode = new Map();
      decoded.set(key, byCode);
    }
    let value = byCode.get(code);
    if (value === undefined) {
      value = JSON.parse(packedText(coded.dictionary, code)) as PropertyValue;
      if (byCode.size >= DECODED_VALUES_KEPT) byCode.clear();
      byCode.set(code, value);
    }
    return value;
  }

  function property(index: number, key: string): PropertyValue | undefined {
    const numbers = columns.numbers[key];
    if (numbers) {
      const value = numbers[index]!;
      return Number.isNaN(value) ? undefined : value;
    }
    const coded = columns.values[key];
    if (!coded) return undefined;
    const code = coded.codes[index]!;
    return code < 0 ? undefined : codedValue(key, coded, code);
  }

  return {
    length,
    binary: { type: columns.type, positions: columns.positions, starts: columns.starts },
    objects: null,
    packedIds: columns.ids,
    id: (index) => packedText(columns.ids, index),
    indexOf: (id) => packedIndexOf(columns.ids, columns.idSlots, id),
    hasId: (index, id) => index >= 0 && index < length && packedIs(columns.ids, index, id),
    property,
    feature(index) {
      const properties: FeatureProperties = {};
      for (const key of columns.keys) {
        const value = property(index, key);
        if (value !== undefined) properties[key] = value;
      }
      return {
        type: 'Feature',
        id: packedText(columns.ids, index),
        geometry: geometryAt(columns, index),
        properties,
      };
    },
    numbers(key) {
      const numbers = columns.numbers[key];
      if (numbers) return numbers;
      let column = derivedNumbers.get(key);
      if (!column) {
        // Not all numbers: the numeric ones, NaN for the rest.
        column = new Float64Array(length);
        for (let index = 0; index < length; index++) {
          const value = property(index, key);
          column[index] = typeof value === 'number' ? value : Number.NaN;
        }
        derivedNumbers.set(key, column);
      }
      return column;
    },
  };
}

function geometryAt(geometry: BinaryGeometry, index: number): Geometry {
  const { positions, starts } = geometry;
  const vertex = (at: number): Position => [positions[at * 2]!, positions[at * 2 + 1]!];
  if (geometry.type === 'Point') return { type: 'Point', coordinates: vertex(starts[index]!) };
  const coordinates: Position[] = [];
  for (let at = starts[index]!; at < starts[index + 1]!; at++) coordinates.push(vertex(at));
  return { type: 'LineString', coordinates };
}

/** `compute`, once per table and kept as long as the table is (columns derived from it). */
export function perTable<T>(compute: (table: FeatureTable) => T): (table: FeatureTable) => T {
  return weakMemo(compute);
}

const madeObjects = perTable((table) =>
  Array.from({ length: table.length }, (_, index) => table.feature(index)),
);

/** Every feature as an object: the table's own, or made once and kept (for small layers only). */
export function featureObjects(table: FeatureTable): readonly Feature[] {
  return table.objects ?? madeObjects(table);
}
