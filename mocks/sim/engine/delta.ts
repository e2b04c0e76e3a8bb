/**
 * The rows of a dataset's live state that differ between two evaluations: what a screen that
 * already has the earlier state needs to be up to date. A row counts as changed when any of its
 * columns differs (a value appearing or going to "no reading" included) or it is new.
 */
import type { StateColumns } from '../../live/columns';

export function changedRows(before: StateColumns, after: StateColumns): StateColumns {
  const keys = Object.keys(after.columns);
  const sameRows =
    before.ids === after.ids ||
    (before.ids.length === after.ids.length && before.ids.every((id, i) => id === after.ids[i]));
  const beforeRow = sameRows ? null : new Map(before.ids.map((id, i) => [id, i]));
  const ids: string[] = [];
  const columns: Record<string, (number | null)[]> = Object.fromEntries(keys.map((k) => [k, []]));
  after.ids.forEach((id, i) => {
    const j = beforeRow ? beforeRow.get(id) : i;
    const changed =
      j === undefined ||
      keys.some(
        (key) => !Object.is(before.columns[key]?.[j] ?? null, after.columns[key]![i] ?? null),
      );
    if (!changed) return;
    ids.push(id);
    for (const key of keys) columns[key]!.push(after.columns[key]![i] ?? null);
  });
  return { ids, columns };
}
