/**
 * Live state pushed by a stream, by dataset, for reads of now to answer from while each is not
 * overdue. A pushed state is overdue once its dataset has missed its next event by a grace
 * period: a source that fails goes quiet on the stream, and a stream busy catching up (a clock
 * running ×60 on a slow machine) is only late. When one turns overdue its owner is told, so that
 * the dataset is read from the source at once (and its failure, if it failed, shown) rather than
 * at the next poll.
 */
import type { Fetched } from './adapter';
import type { LiveReadings } from './schemas';

/** How late a dataset's next event may be before its pushed state stops answering reads. */
export const PUSHED_GRACE_MS = 5_000;

interface Entry {
  readonly fetched: Fetched<LiveReadings>;
  dueBy: number;
  timer: ReturnType<typeof setTimeout> | null;
}

export interface PushedStates {
  /** `nextDueMs`: when the dataset's next event is due; null, none is (a paused clock). */
  put(datasetId: string, fetched: Fetched<LiveReadings>, nextDueMs: number | null): void;
  /** The pushed state while it is not overdue. */
  get(datasetId: string): Fetched<LiveReadings> | null;
  /** The stream is down: every pushed state is overdue after the grace period at the latest. */
  expireSoon(): void;
  delete(datasetId: string): void;
}

export function createPushedStates(
  now: () => number,
  onOverdue: (datasetId: string) => void,
): PushedStates {
  const entries = new Map<string, Entry>();

  const schedule = (datasetId: string, entry: Entry) => {
    if (entry.timer !== null) clearTimeout(entry.timer);
    entry.timer = null;
    if (!Number.isFinite(entry.dueBy)) return;
    entry.timer = setTimeout(
      () => {
        entry.timer = null;
        if (entries.get(datasetId) === entry) onOverdue(datasetId);
      },
      Math.max(0, entry.dueBy - now()),
    );
  };

  return {
    put(datasetId, fetched, nextDueMs) {
      const previous = entries.get(datasetId);
      if (previous?.timer) clearTimeout(previous.timer);
      const entry: Entry = {
        fetched,
        dueBy: nextDueMs === null ? Infinity : now() + nextDueMs + PUSHED_GRACE_MS,
        timer: null,
      };
      entries.set(datasetId, entry);
      schedule(datasetId, entry);
    },
    get(datasetId) {
      const entry = entries.get(datasetId);
      return entry && now() <= entry.dueBy ? entry.fetched : null;
    },
    expireSoon() {
      const until = now() + PUSHED_GRACE_MS;
      for (const [datasetId, entry] of entries) {
        if (entry.dueBy <= until) continue;
        entry.dueBy = until;
        schedule(datasetId, entry);
      }
    },
    delete(datasetId) {
      const entry = entries.get(datasetId);
      if (entry?.timer) clearTimeout(entry.timer);
      entries.delete(datasetId);
    },
  };
}
