/**
 * Joining live state to geometry. Geometry is indexed once (id → feature index); each state update
 * is written into typed columns by that index, so a refresh touches numbers only and never the
 * geometry. `NaN` in a column means "no reading for this feature".
 */
import type { Feature, FeatureCollection, LiveState } from './schemas';

export interface IndexedFeatures {
  readonly features: readonly Feature[];
  readonly indexById: ReadonlyMap<string, number>;
}

export function indexFeatures(collection: FeatureCollection): IndexedFeatures {
  const indexById = new Map<string, number>();
  collection.features.forEach((feature, index) => indexById.set(feature.id, index));
  return { features: collection.features, indexById };
}

export interface StateTable {
  /** When the source observed these values (ms since epoch). */
  readonly observedAt: number;
  /** Changes whenever the values do; use it as a deck.gl update trigger. */
  readonly version: number;
  readonly columns: ReadonlyMap<string, Float64Array>;
  /**
   * Rows for ids the geometry does not have (features gone since it was read, or a source's
   * mistake): ignored, and counted here so the layer can say so.
   */
  readonly unknownIds: number;
}

/** Reads one value; null when the column or the reading is missing. */
export function stateValue(table: StateTable | null, column: string, index: number): number | null {
  const values = table?.columns.get(column);
  if (!values || index < 0 || index >= values.length) return null;
  const value = values[index]!;
  return Number.isNaN(value) ? null : value;
}

/** Whether the rows are the features, in the geometry's order: then row i is feature i. */
function inGeometryOrder(geometry: IndexedFeatures, ids: readonly string[]): boolean {
  const { features } = geometry;
  if (ids.length !== features.length) return false;
  for (let k = 0; k < ids.length; k++) if (ids[k] !== features[k]!.id) return false;
  return true;
}

/**
 * Where each row goes: its feature's index, or -1 for an id the geometry does not have. A
 * source that sends its rows in the geometry's order (the common case) costs one comparison per
 * row instead of a lookup.
 */
function rowIndices(geometry: IndexedFeatures, ids: readonly string[]): Int32Array {
  const rows = new Int32Array(ids.length);
  if (inGeometryOrder(geometry, ids)) {
    for (let row = 0; row < rows.length; row++) rows[row] = row;
    return rows;
  }
  for (let row = 0; row < rows.length; row++) rows[row] = geometry.indexById.get(ids[row]!) ?? -1;
  return rows;
}

export function joinLiveState(geometry: IndexedFeatures, state: LiveState): StateTable {
  const size = geometry.features.length;
  const rowToIndex = rowIndices(geometry, state.ids);
  let unknownIds = 0;
  for (let row = 0; row < rowToIndex.length; row++) if (rowToIndex[row]! < 0) unknownIds++;
  const columns = new Map<string, Float64Array>();
  for (const [key, values] of Object.entries(state.columns)) {
    const column = new Float64Array(size).fill(Number.NaN);
    for (let row = 0; row < rowToIndex.length; row++) {
      const index = rowToIndex[row]!;
      const value = values[row];
      if (index >= 0 && value !== null && value !== undefined) column[index] = value;
    }
    columns.set(key, column);
  }
  const observedAt = Date.parse(state.observedAt);
  return { observedAt, version: observedAt, columns, unknownIds };
}

const joinCache = new WeakMap<IndexedFeatures, WeakMap<LiveState, StateTable>>();

/**
 * `joinLiveState`, computed once per (geometry, state) pair: re-renders that did not bring new
 * data get the same table object, so deck.gl's update triggers stay put.
 */
export function joinLiveStateOnce(geometry: IndexedFeatures, state: LiveState): StateTable {
  let byState = joinCache.get(geometry);
  if (!byState) {
    byState = new WeakMap();
    joinCache.set(geometry, byState);
  }
  let table = byState.get(state);
  if (!table) {
    table = joinLiveState(geometry, state);
    byState.set(state, table);
  }
  return table;
}
