/**
 * A layer whose geometry comes as vector tiles: deck.gl's TileLayer asks for the tiles in view,
 * and each tile is drawn by the layer definition's own `render`, from that tile's features with
 * the live values joined by feature id. A live update re-joins the tiles in view (small tables);
 * no tile is read again for it.
 */
import type { Layer } from '@deck.gl/core';
import { TileLayer } from '@deck.gl/geo-layers';
import type { TiledFeatures } from '../data/adapter';
import type { FeatureTable } from '../data/feature-table';
import { joinLiveStateOnce } from '../data/live-state';
import { errorMessage } from './layer-sources';
import type { LayerDefinition, RenderContext, TiledLayerData } from './layer-contract';

/** What the map hears of a tiled geometry's tiles. */
export interface TileEvents {
  /** Every tile in view has loaded: `null` for one that failed. */
  onTilesInView(tiles: TiledFeatures, tables: readonly (FeatureTable | null)[]): void;
  onTileFailed(tiles: TiledFeatures, message: string): void;
}

/** Vector tiles are cut for 512 px (MapLibre's and the PMTiles tools' convention). */
const TILE_SIZE_PX = 512;

/** One reader per tiled geometry, so the TileLayer sees the same function on every render. */
const tileReaders = new WeakMap<TiledFeatures, TileLayer<FeatureTable>['props']['getTileData']>();

function tileReader(tiles: TiledFeatures): TileLayer<FeatureTable>['props']['getTileData'] {
  let read = tileReaders.get(tiles);
  if (!read) {
    read = ({ index, signal }) => tiles.tile(index.z, index.x, index.y, signal ? { signal } : {});
    tileReaders.set(tiles, read);
  }
  return read;
}

export function tiledLayer(
  definition: LayerDefinition,
  tiled: TiledLayerData,
  context: RenderContext,
  events: TileEvents,
): Layer {
  const { tiles, readings } = tiled;
  return new TileLayer<FeatureTable>({
    id: `${definition.id}-tiles`,
    data: null,
    getTileData: tileReader(tiles),
    minZoom: tiles.minZoom,
    maxZoom: tiles.maxZoom,
    extent: tiles.bounds ? [...tiles.bounds] : null,
    tileSize: TILE_SIZE_PX,
    visible: context.visible,
    pickable: true,
    renderSubLayers: (props) => {
      const table = props.data;
      if (!table || table.length === 0) return null;
      const state = readings ? joinLiveStateOnce(table, readings) : null;
      // Each tile's layers need ids of their own; they keep the definition's id in front, which
      // is how a pick finds its definition.
      return definition
        .render({ geometry: table, state }, context)
        .map((layer) => layer.clone({ id: `${props.id}-${layer.id}` }));
    },
    // Every new set of props draws each tile again (readings, zoom, selection); a new generation
    // reads the tiles again.
    updateTriggers: { getTileData: tiled.generation },
    onViewportLoad: (loaded) =>
      events.onTilesInView(
        tiles,
        loaded.map((tile) => tile.content ?? null),
      ),
    onTileError: (error: unknown) => events.onTileFailed(tiles, errorMessage(error)),
  });
}
