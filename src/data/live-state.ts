/**
 * Joining live state to geometry. Geometry is indexed once (id → feature index); each state update
 * is written into typed columns by that index, so a refresh touches numbers only and never the
 * geometry. `NaN` in a column means "no reading for this feature".
 */
import type { FeatureTable } from './feature-table';
import { packedText, samePackedTexts, type PackedTexts } from './packed-texts';
import type { LiveReadings } from './schemas';

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

/** A state's ids: as strings, or packed as the decoding worker hands them over. */
type RowIds = readonly string[] | PackedTexts;

function rowCount(ids: RowIds): number {
  return Array.isArray(ids) ? ids.length : (ids as PackedTexts).ends.length;
}

function rowId(ids: RowIds, row: number): string {
  return Array.isArray(ids)
    ? (ids as readonly string[])[row]!
    : packedText(ids as PackedTexts, row);
}

function idsOf(state: LiveReadings): RowIds {
  return state.packedIds ?? state.ids;
}

/** Whether the rows are the features, in the geometry's order: then row i is feature i. */
function inGeometryOrder(geometry: FeatureTable, ids: RowIds): boolean {
  if (rowCount(ids) !== geometry.length) return false;
  // Packed both sides: compared byte for byte, no id decoded.
  if (!Array.isArray(ids) && geometry.packedIds)
    return samePackedTexts(ids as PackedTexts, geometry.packedIds);
  for (let k = 0; k < geometry.length; k++) if (!geometry.hasId(k, rowId(ids, k))) return false;
  return true;
}

/** Row → feature index, per ids and geometry: an update with the same ids reuses it. */
const rowIndexCache = new WeakMap<RowIds, WeakMap<FeatureTable, RowIndices>>();

interface RowIndices {
  /** The feature index of each row, -1 for an id the geometry does not have. */
  readonly rows: Int32Array;
  /** Row i is feature i for every row: the columns can be taken as they are. */
  readonly identity: boolean;
  readonly unknownIds: number;
}

/**
 * Where each row goes. A source that sends its rows in the geometry's order (the common case)
 * costs one comparison per row instead of a lookup, and a source that sends the same ids as last
 * time (decoded off the main thread, they come as the same ids object) costs nothing.
 */
function rowIndices(geometry: FeatureTable, ids: RowIds): RowIndices {
  let byGeometry = rowIndexCache.get(ids);
  const cached = byGeometry?.get(geometry);
  if (cached) return cached;
  const rows = new Int32Array(rowCount(ids));
  const identity = inGeometryOrder(geometry, ids);
  let unknownIds = 0;
  for (let row = 0; row < rows.length; row++) {
    const index = identity ? row : geometry.indexOf(rowId(ids, row));
    rows[row] = index;
    if (index < 0) unknownIds++;
  }
  const result = { rows, identity, unknownIds };
  if (!byGeometry) {
    byGeometry = new WeakMap();
    rowIndexCache.set(ids, byGeometry);
  }
  byGeometry.set(geometry, result);
  return result;
}

/** A reading, or NaN for none (null in JSON, NaN once decoded into a typed column). */
function reading(value: number | null | undefined): number {
  return value === null || value === undefined ? Number.NaN : value;
}

export function joinLiveState(geometry: FeatureTable, state: LiveReadings): StateTable {
  const size = geometry.length;
  const { rows, identity, unknownIds } = rowIndices(geometry, idsOf(state));
  const columns = new Map<string, Float64Array>();
  for (const [key, values] of Object.entries(state.columns)) {
    // Decoded columns in the geometry's order are the table's columns already.
    if (identity && values instanceof Float64Array && values.length === size) {
      columns.set(key, values);
      continue;
    }
    const column = new Float64Array(size).fill(Number.NaN);
    for (let row = 0; row < rows.length; row++) {
      const index = rows[row]!;
      if (index >= 0) column[index] = reading(values[row]);
    }
    columns.set(key, column);
  }
  const observedAt = Date.parse(state.observedAt);
  return { observedAt, version: observedAt, columns, unknownIds };
}

const joinCache = new WeakMap<FeatureTable, WeakMap<LiveReadings, StateTable>>();

/**
 * `joinLiveState`, computed once per (geometry, state) pair: re-renders that did not bring new
 * data get the same table object, so deck.gl's update triggers stay put.
 */
export function joinLiveStateOnce(geometry: FeatureTable, state: LiveReadings): StateTable {
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
