/**
 * Decodes live state and geometry responses, and reads the event stream, in a worker where the page has
 * workers, in place elsewhere (tests, Node). The page's main thread then only receives typed
 * columns: an update of a hundred thousand features costs it a message, not a parse. Responses
 * of one key (a dataset) are decoded in order, so the worker and the page agree on the ids each
 * last saw: when the worker says "same ids", the page hands out the very array it kept, and the
 * join reuses its row map.
 */
import { decodeGeometry, type DecodedGeometry } from './feature-columns-decoding';
import type { Decoded } from './http-client';
import { decodeLiveState, sameIds, type DecodedLiveState } from './live-state-decoding';
import { streamFeeder, type StreamBatch, type StreamFeeder } from './live-stream-ingest';
import type { LiveReadings } from './schemas';

export type ToDecoder =
  | {
      readonly kind: 'decode';
      readonly id: number;
      readonly key: string;
      readonly bytes: ArrayBuffer;
    }
  | { readonly kind: 'decode-geometry'; readonly id: number; readonly bytes: ArrayBuffer }
  | {
      readonly kind: 'stream-open';
      readonly stream: number;
      readonly datasets: readonly string[] | null;
    }
  | { readonly kind: 'stream-feed'; readonly stream: number; readonly bytes: ArrayBuffer }
  | { readonly kind: 'stream-ready'; readonly stream: number }
  | { readonly kind: 'stream-close'; readonly stream: number };

export type FromDecoder =
  | {
      readonly kind: 'decoded';
      readonly id: number;
      readonly decoded: DecodedLiveState;
      /** The ids were those of the key's previous response, and were not sent. */
      readonly sameIds?: boolean;
    }
  | {
      readonly kind: 'decoded-geometry';
      readonly id: number;
      readonly decoded: Decoded<DecodedGeometry>;
    }
  /** Updates whose ids are the same as before come without them (`ids` empty). */
  | { readonly kind: 'stream-batch'; readonly stream: number; readonly batch: StreamBatch };

export interface LiveStateDecoder {
  /** The bytes are handed over: the caller must not use them afterwards. */
  decode(key: string, bytes: ArrayBuffer): Promise<DecodedLiveState>;
  /** A geometry response, its points or lines put into columns (the bytes are handed over). */
  decodeGeometry(bytes: ArrayBuffer): Promise<Decoded<DecodedGeometry>>;
  /**
   * Reads an event stream fed to the returned feeder (its bytes are handed over too); `onBatch`
   * gets what it gathered, the ids of an update that has the same ids as before being the very
   * array of the previous one.
   */
  openStream(
    datasets: readonly string[] | null,
    onBatch: (batch: StreamBatch) => void,
  ): Pick<StreamFeeder, 'feed' | 'close'>;
}

/**
 * Runs `then` once the page has drawn what a batch changed: after its next frame, or after a
 * second where frames do not run (a hidden page, a test without rendering). A busy page so
 * takes the stream's batches at the pace it can draw them.
 */
function afterNextFrame(then: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    then();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, 1_000);
}

/** A state's ids as the page holds them: strings, or packed. */
type HeldIds = Pick<LiveReadings, 'ids' | 'packedIds'>;

function heldIds(readings: LiveReadings): HeldIds {
  return readings.packedIds
    ? { ids: readings.ids, packedIds: readings.packedIds }
    : { ids: readings.ids };
}

/** The readings with the ids kept from before put back (the worker left them out). */
function withIds<R extends LiveReadings>(readings: R, ids: HeldIds): R {
  const { packedIds: _sent, ...rest } = readings;
  return { ...rest, ...ids } as R;
}

/** Keeps one state's ids per key for as long as the ids stay the same. */
function idKeeper() {
  const kept = new Map<string, HeldIds>();
  return {
    previous: (key: string): readonly string[] | undefined => kept.get(key)?.ids,
    /** The decoded state with the kept ids when they were not `sent` (the same as before). */
    apply(key: string, decoded: DecodedLiveState, sent: boolean): DecodedLiveState {
      if (!decoded.ok) return decoded;
      const previous = kept.get(key);
      if (!sent && previous) return { ok: true, value: withIds(decoded.value, previous) };
      kept.set(key, heldIds(decoded.value));
      return decoded;
    },
  };
}

function inPlaceDecoder(): LiveStateDecoder {
  const keeper = idKeeper();
  return {
    decode: async (key, bytes) => {
      const decoded = decodeLiveState(bytes);
      if (!decoded.ok) return decoded;
      const previous = keeper.previous(key);
      return keeper.apply(key, decoded, !(previous && sameIds(previous, decoded.value.ids)));
    },
    decodeGeometry: async (bytes) => decodeGeometry(bytes),
    // In place, an update with the same ids has the same ids array already.
    openStream(datasets, onBatch) {
      const feeder = streamFeeder(datasets && new Set(datasets), (batch) => {
        onBatch(batch);
        afterNextFrame(() => feeder.ready());
      });
      return feeder;
    },
  };
}

/** A batch as the worker sent it, with the ids it left out put back. */
function withKeptIds(batch: StreamBatch, kept: Map<string, HeldIds>): StreamBatch {
  return {
    ...batch,
    updates: batch.updates.map((update) => {
      const ids = update.sameIds ? kept.get(update.dataset) : undefined;
      if (!ids) {
        kept.set(update.dataset, heldIds(update.readings));
        return update;
      }
      return { ...update, readings: withIds(update.readings, ids) };
    }),
  };
}

function workerDecoder(worker: Worker, fallback: () => LiveStateDecoder): LiveStateDecoder {
  const keeper = idKeeper();
  const pending = new Map<
    number,
    { key: string; resolve: (decoded: DecodedLiveState) => void; reject: (error: Error) => void }
  >();
  const streams = new Map<
    number,
    { onBatch: (batch: StreamBatch) => void; kept: Map<string, HeldIds> }
  >();
  const pendingGeometry = new Map<
    number,
    { resolve: (decoded: Decoded<DecodedGeometry>) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let broken: LiveStateDecoder | null = null;
  const post = (message: ToDecoder, transfer: Transferable[] = []) =>
    worker.postMessage(message, transfer);
  worker.onmessage = (event: MessageEvent<FromDecoder>) => {
    const message = event.data;
    if (message.kind === 'stream-batch') {
      const stream = streams.get(message.stream);
      if (!stream) return;
      stream.onBatch(withKeptIds(message.batch, stream.kept));
      afterNextFrame(() => {
        if (streams.has(message.stream)) post({ kind: 'stream-ready', stream: message.stream });
      });
      return;
    }
    if (message.kind === 'decoded-geometry') {
      pendingGeometry.get(message.id)?.resolve(message.decoded);
      pendingGeometry.delete(message.id);
      return;
    }
    const { id, decoded, sameIds: same = false } = message;
    const request = pending.get(id);
    pending.delete(id);
    // Kept even if nobody waits any more: the next reply may say "same ids" as this one.
    const result = keeper.apply(request?.key ?? '', decoded, !same);
    request?.resolve(result);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    // A worker that fails is not retried: the page decodes in place from now on.
    broken = fallback();
    for (const request of [...pending.values(), ...pendingGeometry.values()])
      request.reject(new Error('the live state decoder stopped'));
    pending.clear();
    pendingGeometry.clear();
    // An open stream is told it broke: its owner opens it anew, in place.
    for (const stream of streams.values())
      stream.onBatch({
        updates: [],
        problems: ['the live state decoder stopped'],
        observations: 0,
        alarmsChanged: false,
        broken: true,
      });
    streams.clear();
    worker.terminate();
  };
  return {
    decode(key, bytes) {
      if (broken) return broken.decode(key, bytes);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { key, resolve, reject });
        post({ kind: 'decode', id, key, bytes }, [bytes]);
      });
    },
    decodeGeometry(bytes) {
      if (broken) return broken.decodeGeometry(bytes);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pendingGeometry.set(id, { resolve, reject });
        post({ kind: 'decode-geometry', id, bytes }, [bytes]);
      });
    },
    openStream(datasets, onBatch) {
      if (broken) return broken.openStream(datasets, onBatch);
      const stream = nextId++;
      streams.set(stream, { onBatch, kept: new Map() });
      post({ kind: 'stream-open', stream, datasets });
      return {
        feed: (bytes) => {
          if (streams.has(stream)) post({ kind: 'stream-feed', stream, bytes }, [bytes]);
        },
        close: () => {
          if (streams.delete(stream)) post({ kind: 'stream-close', stream });
        },
      };
    },
  };
}

export function createLiveStateDecoder(): LiveStateDecoder {
  if (typeof Worker === 'undefined') return inPlaceDecoder();
  try {
    const worker = new Worker(new URL('./live-state.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cityops-live-state',
    });
    return workerDecoder(worker, inPlaceDecoder);
  } catch {
    return inPlaceDecoder();
  }
}
