/**
 * Holding a dataset's live state as a stream brings it: the first event is the whole state, later
 * ones carry `since` and only the rows that changed. Rows are merged by id into typed columns
 * that the holder owns and writes in place; whoever else gets the state gets a copy
 * (`heldReadings`). The ids array stays the same array for as long as the ids do (a whole state
 * sent again after a reconnection included), so the page's join by id (live-state.ts) is
 * computed once, not once per event.
 */
import { sameIds } from './live-state-decoding';
import type { LiveReadings } from './schemas';

export interface HeldState {
  readonly dataset: string;
  readonly observedAt: string;
  readonly cadenceS: number;
  readonly ids: string[];
  /** One value per row, NaN for "no reading". */
  readonly columns: ReadonlyMap<string, Float64Array>;
  /** Row of each id, built on the first delta. */
  rowById: Map<string, number> | null;
}

function toColumn(values: ArrayLike<number | null>): Float64Array {
  if (values instanceof Float64Array) return values;
  const column = new Float64Array(values.length);
  for (let row = 0; row < values.length; row++) column[row] = values[row] ?? Number.NaN;
  return column;
}

/** The whole state, held; with the previous ids array (and its rows) if the ids are the same. */
function hold(state: LiveReadings, previous: HeldState | undefined): HeldState {
  const same = previous !== undefined && sameIds(previous.ids, state.ids);
  return {
    dataset: state.dataset,
    observedAt: state.observedAt,
    cadenceS: state.cadenceS,
    ids: same ? previous.ids : state.ids,
    columns: new Map(Object.entries(state.columns).map(([key, values]) => [key, toColumn(values)])),
    rowById: same ? previous.rowById : null,
  };
}

function rowsOf(held: HeldState): Map<string, number> {
  if (!held.rowById) {
    const rows = new Map<string, number>();
    held.ids.forEach((id, row) => rows.set(id, row));
    held.rowById = rows;
  }
  return held.rowById;
}

/** `column` with room for `size` rows, the new ones without a reading. */
function grown(column: Float64Array | undefined, size: number): Float64Array {
  if (column && column.length === size) return column;
  const next = new Float64Array(size).fill(Number.NaN);
  if (column) next.set(column);
  return next;
}

/**
 * The held state after `update`: the whole state when it has no `since` (or nothing is held
 * yet: a delta on nothing is what it says), else the held rows with the changed ones written
 * over, and rows for new ids added at the end. A column the update does not carry keeps its
 * values; one it brings first has no reading for the rows it does not name.
 */
export function mergeLiveState(held: HeldState | undefined, update: LiveReadings): HeldState {
  if (!held || update.since === undefined) return hold(update, held);
  const rowById = rowsOf(held);
  let ids = held.ids;
  const added: string[] = [];
  const rows = new Int32Array(update.ids.length);
  for (let k = 0; k < update.ids.length; k++) {
    const id = update.ids[k]!;
    let row = rowById.get(id);
    if (row === undefined) {
      row = ids.length + added.length;
      rowById.set(id, row);
      added.push(id);
    }
    rows[k] = row;
  }
  if (added.length > 0) ids = [...ids, ...added];
  const size = ids.length;
  const columns = new Map<string, Float64Array>();
  for (const [key, column] of held.columns) columns.set(key, grown(column, size));
  for (const [key, values] of Object.entries(update.columns)) {
    const column = grown(columns.get(key), size);
    columns.set(key, column);
    for (let k = 0; k < rows.length; k++) column[rows[k]!] = values[k] ?? Number.NaN;
  }
  return {
    dataset: held.dataset,
    observedAt: update.observedAt,
    cadenceS: update.cadenceS,
    ids,
    columns,
    rowById,
  };
}

/** The held state as readings of their own: the columns are copies, free to hand over. */
export function heldReadings(held: HeldState): LiveReadings & {
  readonly columns: Readonly<Record<string, Float64Array>>;
} {
  return {
    dataset: held.dataset,
    observedAt: held.observedAt,
    cadenceS: held.cadenceS,
    ids: held.ids,
    columns: Object.fromEntries([...held.columns].map(([key, column]) => [key, column.slice()])),
  };
}
