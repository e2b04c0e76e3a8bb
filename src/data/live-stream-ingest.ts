/**
 * Reading the contract's event stream (`GET /stream`, server-sent events) into held live state:
 * each `state` event is parsed, checked like a polled response and merged into its dataset's
 * state; `clock` events say how fast the source's time runs, hence when each dataset's next
 * event is due; `alarm` and `alarms` events say that the alarm list changed (the page reads it
 * again at once, through its own checked request). Updates are taken in batches, so that a burst
 * of events reaches the page as one update per dataset. Pure apart from the parser's buffer: it
 * runs in the live state worker, or in place where there are no workers.
 */
import { createParser } from 'eventsource-parser';
import { decodeLiveStateText } from './live-state-decoding';
import { heldReadings, mergeLiveState, type HeldState } from './live-state-merging';
import { clockSchema, type LiveReadings } from './schemas';

export interface StreamUpdate {
  readonly dataset: string;
  /** The whole state as held, its columns copies of their own. */
  readonly readings: LiveReadings & { readonly columns: Readonly<Record<string, Float64Array>> };
  /** The ids are those of this dataset's previous update (the same array, where it can be). */
  readonly sameIds: boolean;
  /**
   * How long (wall ms) until the dataset's next event is due: its cadence at the clock's speed.
   * Null while the source's clock stands still (no event is due).
   */
  readonly nextDueMs: number | null;
}

export interface StreamBatch {
  readonly updates: readonly StreamUpdate[];
  /** What was wrong with events that were dropped, in order. */
  readonly problems: readonly string[];
  /** Rows (observations) received since the previous batch, in every dataset. */
  readonly observations: number;
  /** An `alarm` or `alarms` event came since the previous batch: the alarm list changed. */
  readonly alarmsChanged: boolean;
  /** The stream cannot be read on: it must be closed (and opened anew). */
  readonly broken: boolean;
}

export interface StreamIngest {
  /** Text as it arrives, in any pieces. */
  feed(text: string): void;
  /** What changed since the previous call. */
  take(): StreamBatch;
}

/**
 * An event larger than this is not buffered any further: a source gone wrong (or hostile) must
 * not take the page's memory. The largest regular event, a megacity's whole pipe network, is
 * about a tenth of it.
 */
const MAX_EVENT_CHARS = 256 * 1024 * 1024;
const MAX_PROBLEM_CHARS = 200;

function problemText(text: string): string {
  return text.length > MAX_PROBLEM_CHARS ? `${text.slice(0, MAX_PROBLEM_CHARS - 1)}…` : text;
}

/** Source seconds per wall second, from a `clock` event; 0 while paused. */
function clockSpeed(data: string): number | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  const clock = clockSchema.safeParse(json);
  if (!clock.success) return null;
  if (clock.data.mode === 'paused') return 0;
  return clock.data.mode === 'live' ? 1 : clock.data.speed;
}

/** `datasets`: the datasets to hold; events of others are skipped (null: every dataset). */
export function createStreamIngest(datasets: ReadonlySet<string> | null = null): StreamIngest {
  const held = new Map<string, HeldState>();
  const dirty = new Set<string>();
  const lastIds = new Map<string, readonly string[]>();
  let problems: string[] = [];
  let observations = 0;
  let alarmsChanged = false;
  let speed = 1;
  let broken = false;

  const onState = (data: string) => {
    const decoded = decodeLiveStateText(data);
    if (!decoded.ok) {
      problems.push(
        problemText(
          decoded.reason === 'not-json'
            ? 'state event: not JSON'
            : `state event: ${decoded.summary}`,
        ),
      );
      return;
    }
    const update = decoded.value;
    if (datasets && !datasets.has(update.dataset)) return;
    held.set(update.dataset, mergeLiveState(held.get(update.dataset), update));
    dirty.add(update.dataset);
    observations += update.ids.length;
  };

  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent(event) {
      if (event.event === 'state') onState(event.data);
      else if (event.event === 'clock') speed = clockSpeed(event.data) ?? speed;
      // Their bodies are not read here: the alarm desk reads the list with its own request,
      // checked as every read is, as soon as it hears of the change.
      else if (event.event === 'alarm' || event.event === 'alarms') alarmsChanged = true;
    },
    onError(error) {
      problems.push(problemText(`stream: ${error.message}`));
    },
  });

  return {
    feed(text) {
      if (broken) return;
      try {
        parser.feed(text);
      } catch (error) {
        // Only an event over the size limit makes the parser throw; it takes no more text.
        broken = true;
        problems.push(
          problemText(`stream: ${error instanceof Error ? error.message : 'unreadable'}`),
        );
      }
    },
    take() {
      const updates: StreamUpdate[] = [];
      for (const dataset of dirty) {
        const state = held.get(dataset)!;
        const sameIds = lastIds.get(dataset) === state.ids;
        lastIds.set(dataset, state.ids);
        updates.push({
          dataset,
          readings: heldReadings(state),
          sameIds,
          nextDueMs: speed > 0 ? (state.cadenceS * 1_000) / speed : null,
        });
      }
      dirty.clear();
      const batch = { updates, problems, observations, alarmsChanged, broken };
      problems = [];
      observations = 0;
      alarmsChanged = false;
      return batch;
    },
  };
}

/**
 * How long events are gathered before they go to the page: a burst (a backlog after a stall, a
 * clock running ×3600) reaches it as one update per dataset, at most this often.
 */
export const STREAM_BATCH_MS = 100;

export interface StreamFeeder {
  /** Bytes as they arrive. */
  feed(bytes: ArrayBuffer): void;
  /**
   * The page has taken the last batch in: the next may come. Until then what arrives is merged
   * and held, so a page slower than its source gets fewer, fuller batches instead of a queue
   * that grows without end.
   */
  ready(): void;
  /** Stops: no batch is emitted after this. */
  close(): void;
}

/**
 * An ingest fed with bytes, emitting what it gathered `STREAM_BATCH_MS` after the first event of
 * a batch, and only once the page is ready for it.
 */
export function streamFeeder(
  datasets: ReadonlySet<string> | null,
  emit: (batch: StreamBatch) => void,
): StreamFeeder {
  const ingest = createStreamIngest(datasets);
  const text = new TextDecoder();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = false;
  let ready = true;
  let closed = false;
  const flush = () => {
    timer = null;
    if (closed || !ready) return;
    pending = false;
    const batch = ingest.take();
    const empty = batch.updates.length === 0 && batch.problems.length === 0;
    if (empty && !batch.alarmsChanged && !batch.broken) return;
    ready = false;
    emit(batch);
  };
  const schedule = () => {
    if (pending && ready && timer === null) timer = setTimeout(flush, STREAM_BATCH_MS);
  };
  return {
    feed(bytes) {
      if (closed) return;
      ingest.feed(text.decode(bytes, { stream: true }));
      pending = true;
      schedule();
    },
    ready() {
      ready = true;
      schedule();
    },
    close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
