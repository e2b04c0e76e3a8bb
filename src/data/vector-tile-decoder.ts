/**
 * Decodes vector tiles in a worker of their own where the page has workers (vector-tile.worker.ts),
 * in place elsewhere (tests, Node). A city's tiles in view hold hundreds of thousands of features:
 * decoded on the main thread they took most of it, and the map, the panels and the demo backend
 * (whose requests pass through the page) waited. Not the live state decoder's worker: live
 * updates must not wait behind a screenful of tiles.
 */
import { decodeVectorTile, type DecodedTile, type TileToDecode } from './vector-tile-decoding';

export interface ToTileWorker {
  readonly id: number;
  readonly tile: TileToDecode;
}

export interface FromTileWorker {
  readonly id: number;
  readonly decoded: DecodedTile;
}

export type DecodeTile = (tile: TileToDecode) => Promise<DecodedTile>;

/** Decoding in `worker`, which runs vector-tile.worker.ts (or anything that answers as it does). */
export function workerTileDecoder(worker: Worker): DecodeTile {
  const pending = new Map<
    number,
    {
      readonly tile: TileToDecode;
      resolve: (decoded: DecodedTile) => void;
      reject: (error: unknown) => void;
    }
  >();
  let nextId = 1;
  let broken = false;
  worker.onmessage = (event: MessageEvent<FromTileWorker>) => {
    const { id, decoded } = event.data;
    pending.get(id)?.resolve(decoded);
    pending.delete(id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    // A worker that fails is not retried: tiles are decoded in place from now on, those it was
    // decoding too (their bytes were copies; the callers' are still here).
    broken = true;
    for (const request of pending.values())
      decodeVectorTile(request.tile).then(request.resolve, request.reject);
    pending.clear();
    worker.terminate();
  };
  return (tile) => {
    if (broken) return decodeVectorTile(tile);
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { tile, resolve, reject });
      // A copy is handed over: the caller's bytes may be a view of a buffer it still uses.
      const bytes = tile.bytes.slice();
      worker.postMessage({ id, tile: { ...tile, bytes } } satisfies ToTileWorker, [bytes.buffer]);
    });
  };
}

let shared: DecodeTile | null = null;

/** The page's tile decoder, made on first use. */
export function tileDecoder(): DecodeTile {
  if (shared) return shared;
  shared = decodeVectorTile;
  if (typeof Worker !== 'undefined') {
    try {
      shared = workerTileDecoder(
        new Worker(new URL('./vector-tile.worker.ts', import.meta.url), {
          type: 'module',
          name: 'cityops-vector-tiles',
        }),
      );
    } catch {
      // No worker to be had (a strict content policy): in place.
    }
  }
  return shared;
}
