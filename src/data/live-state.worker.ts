/**
 * The live state decoding worker: parses and checks each response off the page's main thread
 * and hands the typed columns back without copying them. A source sends the same ids in the
 * same order update after update: then the ids are not sent back at all (the page keeps the
 * ones it has), since copying a hundred thousand strings across costs about as much as parsing
 * them.
 */
import { columnBuffers, decodeLiveState, sameIds } from './live-state-decoding';
import type { DecodeReply, DecodeRequest } from './live-state-decoder';

const lastIds = new Map<string, readonly string[]>();

self.onmessage = (event: MessageEvent<DecodeRequest>) => {
  const { id, key, bytes } = event.data;
  const decoded = decodeLiveState(bytes);
  if (!decoded.ok) {
    self.postMessage({ id, decoded } satisfies DecodeReply);
    return;
  }
  const { value: state } = decoded;
  const previous = lastIds.get(key);
  const same = previous !== undefined && sameIds(previous, state.ids);
  lastIds.set(key, state.ids);
  const reply: DecodeReply = {
    id,
    decoded: { ok: true, value: same ? { ...state, ids: [] } : state },
    sameIds: same,
  };
  self.postMessage(reply, { transfer: columnBuffers(state) });
};
