/**
 * The contract's event stream (`GET /stream`), kept open: its bytes go to the live state decoder
 * (a worker, where there is one) as they arrive, so the page's main thread does no parsing; what
 * the stream brings comes back in batches of held state. A stream that fails or ends is opened
 * again, backing off while it keeps failing; a source that does not serve one (404, 405, 501 or
 * something other than an event stream) is not asked again.
 */
import { backoffDelayMs } from './freshness';
import type { FetchLike } from './http-client';
import type { LiveStateDecoder } from './live-state-decoder';
import type { StreamBatch } from './live-stream-ingest';

export type LiveStreamStatus =
  | { readonly kind: 'connecting' }
  | { readonly kind: 'open' }
  /** Opened again after `retryInMs`. */
  | { readonly kind: 'down'; readonly message: string; readonly retryInMs: number }
  /** The source serves no stream: reads go on as before. */
  | { readonly kind: 'unavailable'; readonly message: string };

export interface LiveStreamOptions {
  readonly url: string;
  readonly fetch: FetchLike;
  readonly headers?: Record<string, string>;
  readonly decoder: LiveStateDecoder;
  /** The datasets to hold (the URL should ask for these). */
  readonly datasets: readonly string[];
  readonly onBatch: (batch: StreamBatch) => void;
  readonly onStatus: (status: LiveStreamStatus) => void;
  readonly now?: () => number;
}

/** Statuses that say the source has no stream at this URL. */
const NOT_SERVED = new Set([404, 405, 501]);
/** A stream that stayed open this long was healthy: its end is not counted as a failure. */
const HEALTHY_MS = 30_000;
/** The source may end a stream at any time (a bound on its lifetime): open it again at once. */
const REOPEN_MS = 500;

/**
 * How long chunks of the stream are gathered before they go to the decoder together: a source
 * writes an event at a time, and a message to the worker per event costs the main thread more
 * than the event's bytes do.
 */
const GATHER_MS = 50;

/** Gathers chunks and hands them on as one buffer of their own, at most every `GATHER_MS`. */
function chunkGatherer(send: (bytes: ArrayBuffer) => void) {
  let pending: Uint8Array[] = [];
  let size = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return;
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of pending) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    pending = [];
    size = 0;
    send(bytes.buffer);
  };
  return {
    add(chunk: Uint8Array) {
      pending.push(chunk);
      size += chunk.byteLength;
      timer ??= setTimeout(flush, GATHER_MS);
    },
    flush,
  };
}

/** Opens the stream; the returned function closes it for good. */
export function openLiveStream(options: LiveStreamOptions): () => void {
  const { url, decoder, datasets, onBatch, onStatus } = options;
  const now = options.now ?? Date.now;
  let closed = false;
  let failures = 0;
  /** The feed has been down: trying it again is not announced as connecting. */
  let wentDown = false;
  let aborter: AbortController | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;

  /** Reads one stream to its end; the reason it ended, or null for "not served". */
  async function read(signal: AbortSignal, abort: () => void): Promise<string | null> {
    const response = await options.fetch(url, {
      headers: { ...options.headers, Accept: 'text/event-stream' },
      cache: 'no-store',
      signal,
    });
    if (NOT_SERVED.has(response.status)) return null;
    if (!response.ok) return `HTTP ${response.status}`;
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('text/event-stream') || !response.body) return null;
    onStatus({ kind: 'open' });
    const feeder = decoder.openStream(datasets, (batch) => {
      onBatch(batch);
      if (batch.broken) abort();
    });
    const chunks = chunkGatherer((bytes) => feeder.feed(bytes));
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return 'the source ended the stream';
        chunks.add(value);
      }
    } finally {
      chunks.flush();
      feeder.close();
    }
  }

  async function connect(): Promise<void> {
    retry = null;
    if (closed) return;
    // Only the first time: a feed that is down stays down (and the page polls) until it opens.
    if (!wentDown) onStatus({ kind: 'connecting' });
    const controller = new AbortController();
    aborter = controller;
    const openedAt = now();
    let reason: string | null;
    try {
      reason = await read(controller.signal, () => controller.abort());
    } catch (error) {
      reason = error instanceof Error && error.message ? error.message : 'the stream failed';
    }
    if (closed) return;
    if (reason === null) {
      onStatus({ kind: 'unavailable', message: `no event stream at ${url}` });
      return;
    }
    failures = now() - openedAt >= HEALTHY_MS ? 0 : failures + 1;
    const retryInMs = failures === 0 ? REOPEN_MS : backoffDelayMs(failures, 30_000);
    wentDown = true;
    onStatus({ kind: 'down', message: reason, retryInMs });
    retry = setTimeout(() => void connect(), retryInMs);
  }

  void connect();
  return () => {
    closed = true;
    if (retry !== null) clearTimeout(retry);
    aborter?.abort();
  };
}
