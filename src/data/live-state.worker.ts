/**
 * The decoding worker, off the page's main thread: parses and checks each live state and geometry
 * response and hands the typed columns back without copying them, and reads the event stream into held state
 * (live-stream-ingest.ts). A source sends the same ids in the same order update after update:
 * then the ids are not sent back at all (the page keeps the ones it has), since copying a hundred
 * thousand strings across costs about as much as parsing them; new ids go over packed.
 */
import { decodeGeometry, geometryBuffers } from './feature-columns-decoding';
import { decodeLiveState, readingsBuffers, readingsForPage, sameIds } from './live-state-decoding';
import type { FromDecoder, ToDecoder } from './live-state-decoder';
import { streamFeeder, type StreamBatch, type StreamFeeder } from './live-stream-ingest';

const lastIds = new Map<string, readonly string[]>();
const streams = new Map<number, StreamFeeder>();

function post(message: FromDecoder, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

function decode(id: number, key: string, bytes: ArrayBuffer): void {
  const decoded = decodeLiveState(bytes);
  if (!decoded.ok) {
    post({ kind: 'decoded', id, decoded });
    return;
  }
  const { value: state } = decoded;
  const previous = lastIds.get(key);
  const same = previous !== undefined && sameIds(previous, state.ids);
  lastIds.set(key, state.ids);
  const value = readingsForPage(state, same);
  post(
    { kind: 'decoded', id, decoded: { ok: true, value }, sameIds: same },
    readingsBuffers(value),
  );
}

/** The batch with the ids the page already has left out, and its columns handed over. */
function sendBatch(stream: number, batch: StreamBatch): void {
  const updates = batch.updates.map((update) => ({
    ...update,
    readings: readingsForPage(update.readings, update.sameIds),
  }));
  post(
    { kind: 'stream-batch', stream, batch: { ...batch, updates } },
    updates.flatMap((update) => readingsBuffers(update.readings)),
  );
}

self.onmessage = (event: MessageEvent<ToDecoder>) => {
  const message = event.data;
  switch (message.kind) {
    case 'decode':
      decode(message.id, message.key, message.bytes);
      return;
    case 'decode-geometry': {
      const decoded = decodeGeometry(message.bytes);
      post({ kind: 'decoded-geometry', id: message.id, decoded }, geometryBuffers(decoded));
      return;
    }
    case 'stream-open': {
      const { stream, datasets } = message;
      streams.set(
        stream,
        streamFeeder(datasets && new Set(datasets), (batch) => sendBatch(stream, batch)),
      );
      return;
    }
    case 'stream-feed':
      streams.get(message.stream)?.feed(message.bytes);
      return;
    case 'stream-ready':
      streams.get(message.stream)?.ready();
      return;
    case 'stream-close':
      streams.get(message.stream)?.close();
      streams.delete(message.stream);
      return;
  }
};
