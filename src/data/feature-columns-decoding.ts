/**
 * Turning a geometry response's bytes into what the page holds (feature-table.ts): parsed,
 * checked against the contract, and, for a dataset of points or of lines, put into columns.
 * Pure, so that it runs the same in the decoding worker and, where there are no workers, in place.
 */
import type { FeatureColumns } from './feature-table';
import { summarizeIssues, type Decoded } from './http-client';
import { packTexts, textSlots } from './packed-texts';
import { featureCollectionSchema, type Feature, type FeatureCollection } from './schemas';

export type DecodedGeometry =
  | { readonly layout: 'columns'; readonly columns: FeatureColumns }
  | { readonly layout: 'objects'; readonly collection: FeatureCollection };

const utf8 = new TextDecoder();

export function decodeGeometry(bytes: ArrayBuffer): Decoded<DecodedGeometry> {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const parsed = featureCollectionSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: 'invalid', summary: summarizeIssues(parsed.error) };
  const columns = featureColumns(parsed.data.features);
  return {
    ok: true,
    value: columns
      ? { layout: 'columns', columns }
      : { layout: 'objects', collection: parsed.data },
  };
}

/** The buffers of the columns, to hand over rather than copy. */
export function geometryBuffers(decoded: Decoded<DecodedGeometry>): ArrayBuffer[] {
  if (!decoded.ok || decoded.value.layout !== 'columns') return [];
  const { columns } = decoded.value;
  const arrays: ArrayBufferView[] = [
    columns.positions,
    columns.starts,
    columns.ids.bytes,
    columns.ids.ends,
    columns.idSlots,
    ...Object.values(columns.numbers),
    ...Object.values(columns.values).flatMap((coded) => [
      coded.codes,
      coded.dictionary.bytes,
      coded.dictionary.ends,
    ]),
  ];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/**
 * Points (every feature a Point) or lines (every feature a LineString) as columns; null for any
 * other mix, kept as objects. Positions keep x and y: the map is flat, a third number is dropped.
 */
export function featureColumns(features: readonly Feature[]): FeatureColumns | null {
  const type = features[0]?.geometry.type;
  if (type !== 'Point' && type !== 'LineString') return null;
  let vertices = 0;
  for (const { geometry } of features) {
    if (geometry.type !== type) return null;
    vertices += geometry.type === 'Point' ? 1 : geometry.coordinates.length;
  }
  const positions = new Float64Array(vertices * 2);
  const starts = new Uint32Array(features.length + 1);
  let at = 0;
  features.forEach(({ geometry }, index) => {
    starts[index] = at;
    const path = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
    for (const position of path as readonly (readonly number[])[]) {
      positions[at * 2] = position[0]!;
      positions[at * 2 + 1] = position[1]!;
      at++;
    }
  });
  starts[features.length] = at;
  const ids = packTexts(features.map((feature) => feature.id));
  return {
    type,
    positions,
    starts,
    ids,
    idSlots: textSlots(ids),
    ...propertyColumns(features),
  };
}

function propertyColumns(
  features: readonly Feature[],
): Pick<FeatureColumns, 'numbers' | 'values' | 'keys'> {
  const keys = new Set<string>();
  const numeric = new Map<string, boolean>();
  for (const { properties } of features) {
    for (const [key, value] of Object.entries(properties)) {
      keys.add(key);
      if (value !== null && typeof value !== 'number') numeric.set(key, false);
    }
  }
  const numbers: Record<string, Float64Array> = {};
  const values: FeatureColumns['values'][string][] = [];
  const valueKeys: string[] = [];
  for (const key of keys) {
    if (numeric.get(key) !== false) {
      const column = new Float64Array(features.length);
      features.forEach(({ properties }, index) => {
        const value = properties[key];
        column[index] = typeof value === 'number' ? value : Number.NaN;
      });
      numbers[key] = column;
      continue;
    }
    const codes = new Int32Array(features.length);
    const codeOf = new Map<string, number>();
    features.forEach(({ properties }, index) => {
      const value = properties[key];
      if (value === undefined) {
        codes[index] = -1;
        return;
      }
      const json = JSON.stringify(value);
      let code = codeOf.get(json);
      if (code === undefined) {
        code = codeOf.size;
        codeOf.set(json, code);
      }
      codes[index] = code;
    });
    valueKeys.push(key);
    values.push({ codes, dictionary: packTexts([...codeOf.keys()]) });
  }
  return {
    numbers,
    values: Object.fromEntries(valueKeys.map((key, k) => [key, values[k]!])),
    keys: [...keys],
  };
}
