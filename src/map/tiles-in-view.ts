/**
 * What the map has of each tiled geometry: the features of the tiles in view, reported by the
 * map's tile layer once the tiles of a view have loaded and read back by the layer sources as
 * the layer's features; and tiles that failed, so the layer says so and reads them again later.
 * Kept apart from the UI store: it is server data of the moment, never remembered.
 */
import { create } from 'zustand';
import type { TiledFeatures } from '../data/adapter';
import type { FeatureTable } from '../data/feature-table';
import { mergeTiles } from '../data/merge-tiles';

/** A tile that failed is read again after this long (with every other tile in view). */
export const TILE_RETRY_MS = 10_000;

export interface TilesSeen {
  readonly tables: readonly FeatureTable[];
  /** Their features as one table (pieces of one feature joined). */
  readonly features: FeatureTable;
}

export interface TiledGeometryState {
  /** Null until the first tiles of a view are in. */
  readonly seen: TilesSeen | null;
  /** Why tiles failed, until every tile in view has loaded. */
  readonly problem: string | null;
  /** Goes up each time the tiles are to be read again. */
  readonly generation: number;
}

const INITIAL: TiledGeometryState = { seen: null, problem: null, generation: 0 };

interface TilesInViewStore {
  readonly byGeometry: ReadonlyMap<TiledFeatures, TiledGeometryState>;
  /** The tiles in view, all loaded: `null` for a tile that failed. */
  report(tiles: TiledFeatures, tables: readonly (FeatureTable | null)[]): void;
  fail(tiles: TiledFeatures, message: string): void;
}

export const useTilesInView = create<TilesInViewStore>()((set, get) => {
  const update = (tiles: TiledFeatures, change: Partial<TiledGeometryState>) => {
    const byGeometry = new Map(get().byGeometry);
    byGeometry.set(tiles, { ...(byGeometry.get(tiles) ?? INITIAL), ...change });
    set({ byGeometry });
  };
  const retrying = new WeakSet<TiledFeatures>();
  return {
    byGeometry: new Map(),
    report(tiles, tables) {
      const now = get().byGeometry.get(tiles) ?? INITIAL;
      const loaded = tables.filter((table): table is FeatureTable => table !== null);
      const failed = loaded.length < tables.length;
      // The same tiles again (the view moved within them): nothing to recompute or re-render.
      if (now.seen && sameTables(now.seen.tables, loaded) && (failed || now.problem === null))
        return;
      update(tiles, {
        seen: { tables: loaded, features: mergeTiles(loaded) },
        ...(failed ? {} : { problem: null }),
      });
    },
    fail(tiles, message) {
      update(tiles, { problem: message });
      if (retrying.has(tiles)) return;
      retrying.add(tiles);
      setTimeout(() => {
        retrying.delete(tiles);
        const state = get().byGeometry.get(tiles) ?? INITIAL;
        update(tiles, { generation: state.generation + 1 });
      }, TILE_RETRY_MS);
    },
  };
});

function sameTables(a: readonly FeatureTable[], b: readonly FeatureTable[]): boolean {
  return a.length === b.length && a.every((table, index) => table === b[index]);
}

export function tiledGeometryState(
  byGeometry: TilesInViewStore['byGeometry'],
  tiles: TiledFeatures,
): TiledGeometryState {
  return byGeometry.get(tiles) ?? INITIAL;
}
