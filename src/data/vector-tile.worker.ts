/**
 * The tile worker, off the page's main thread: decodes vector tiles into the layer's terms
 * (vector-tile-decoding.ts) and hands their columns back without copying them. Tiles are
 * decoded in the order asked; a map moving over a big city asks for many at once, and the page
 * meanwhile stays free to draw and to answer the operator.
 */
import { geometryBuffers } from './feature-columns-decoding';
import { decodeVectorTile } from './vector-tile-decoding';
import type { FromTileWorker, ToTileWorker } from './vector-tile-decoder';

self.onmessage = async (event: MessageEvent<ToTileWorker>) => {
  const { id, tile } = event.data;
  let reply: FromTileWorker;
  try {
    reply = { id, decoded: await decodeVectorTile(tile) };
  } catch (error) {
    reply = {
      id,
      decoded: { ok: false, message: error instanceof Error ? error.message : String(error) },
    };
  }
  const buffers = reply.decoded.ok
    ? geometryBuffers({ ok: true, value: reply.decoded.geometry })
    : [];
  self.postMessage(reply, { transfer: buffers });
};
