/**
 * Decodes live state responses in a worker where the page has workers, in place elsewhere (tests,
 * Node). The page's main thread then only receives typed columns: an update of a hundred
 * thousand features costs it a message, not a parse. Responses of one key (a dataset) are
 * decoded in order, so the worker and the page agree on the ids each last saw: when the worker
 * says "same ids", the page hands out the very array it kept, and the join reuses its row map.
 */
import { decodeLiveState, sameIds, type DecodedLiveState } from './live-state-decoding';

export interface DecodeRequest {
  readonly id: number;
  readonly key: string;
  readonly bytes: ArrayBuffer;
}

export interface DecodeReply {
  readonly id: number;
  readonly decoded: DecodedLiveState;
  /** The ids were those of the key's previous response, and were not sent. */
  readonly sameIds?: boolean;
}

export interface LiveStateDecoder {
  /** The bytes are handed over: the caller must not use them afterwards. */
  decode(key: string, bytes: ArrayBuffer): Promise<DecodedLiveState>;
}

/** Keeps one ids array per key for as long as the ids stay the same. */
function idKeeper() {
  const kept = new Map<string, string[]>();
  return {
    previous: (key: string): readonly string[] | undefined => kept.get(key),
    /** The decoded state with the kept ids when they were not `sent` (the same as before). */
    apply(key: string, decoded: DecodedLiveState, sent: boolean): DecodedLiveState {
      if (!decoded.ok) return decoded;
      const previous = kept.get(key);
      const ids = !sent && previous ? previous : decoded.value.ids;
      kept.set(key, ids);
      return ids === decoded.value.ids ? decoded : { ok: true, value: { ...decoded.value, ids } };
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
  };
}

function workerDecoder(worker: Worker, fallback: () => LiveStateDecoder): LiveStateDecoder {
  const keeper = idKeeper();
  const pending = new Map<
    number,
    { key: string; resolve: (decoded: DecodedLiveState) => void; reject: (error: Error) => void }
  >();
  let nextId = 1;
  let broken: LiveStateDecoder | null = null;
  worker.onmessage = (event: MessageEvent<DecodeReply>) => {
    const { id, decoded, sameIds: same = false } = event.data;
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
    for (const request of pending.values())
      request.reject(new Error('the live state decoder stopped'));
    pending.clear();
    worker.terminate();
  };
  return {
    decode(key, bytes) {
      if (broken) return broken.decode(key, bytes);
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { key, resolve, reject });
        worker.postMessage({ id, key, bytes } satisfies DecodeRequest, [bytes]);
      });
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
