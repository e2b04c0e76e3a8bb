/**
 * Features cut into Mapbox Vector Tiles (geojson-vt, vt-pbf) for every zoom of a range over their
 * extent, ready for `writePmtiles`: one layer per tile (a dataset) or several (a base map). Vector
 * tile ids are integers and the datasets' are text, so a feature's id travels as its `id`
 * property, which is what live values are joined on. A localized name `{ zh, en }` becomes
 * `name_zh` and `name_en` (tiles hold flat values only).
 */
import GeoJSONVT from 'geojson-vt';
import vtpbf from 'vt-pbf';
import type { Feature } from '../../src/data/schemas';
import { tileAt } from '../../src/data/web-mercator-tiles';
import type { ArchiveTile } from './pmtiles-writer';

export interface TilingOptions {
  /** The layer name inside each tile. */
  readonly layer: string;
  readonly minZoom: number;
  readonly maxZoom: number;
}

/** Flat properties for a tile: the id, scalars as they are, a localized text per language. */
export function tileProperties(feature: Feature): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = { id: feature.id };
  for (const [key, value] of Object.entries(feature.properties)) {
    if (value === null || key === 'id') continue;
    if (typeof value === 'object') {
      out[`${key}_zh`] = value.zh;
      out[`${key}_en`] = value.en;
    } else out[key] = value;
  }
  return out;
}

/** One layer of an archive whose tiles hold several (a base map: water, roads, buildings…). */
export interface TileLayerInput {
  readonly name: string;
  readonly features: readonly Feature[];
  /** No tile below this zoom holds the layer (buildings, drawn only close up). */
  readonly minZoom?: number;
}

/** The first zoom whose tiles hold the layer, in an archive starting at `minZoom`. */
export function layerMinZoom(layer: TileLayerInput, minZoom: number): number {
  return Math.max(minZoom, layer.minZoom ?? minZoom);
}

export function vectorTiles(
  features: readonly Feature[],
  bbox: readonly [number, number, number, number],
  options: TilingOptions,
): ArchiveTile[] {
  return layeredVectorTiles([{ name: options.layer, features }], bbox, options);
}

/** Tiles holding each of `layers` (those with features in the tile) from its own minimum zoom. */
export function layeredVectorTiles(
  layers: readonly TileLayerInput[],
  bbox: readonly [number, number, number, number],
  options: Omit<TilingOptions, 'layer'>,
): ArchiveTile[] {
  const indexes = layers.map((layer) => {
    const minZoom = layerMinZoom(layer, options.minZoom);
    const index = new GeoJSONVT(
      {
        type: 'FeatureCollection',
        features: layer.features.map((feature) => ({
          type: 'Feature',
          geometry: feature.geometry,
          properties: tileProperties(feature),
        })),
      } as never,
      { maxZoom: options.maxZoom, indexMaxZoom: minZoom, buffer: 64 },
    );
    return { name: layer.name, minZoom, index };
  });
  const [west, south, east, north] = bbox;
  const tiles: ArchiveTile[] = [];
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    const [minX, minY] = tileAt(west, north, z);
    const [maxX, maxY] = tileAt(east, south, z);
    for (let x = minX; x <= maxX; x++)
      for (let y = minY; y <= maxY; y++) {
        const held: Record<string, ReturnType<GeoJSONVT['getTile']>> = {};
        for (const { name, minZoom, index } of indexes) {
          if (z < minZoom) continue;
          const tile = index.getTile(z, x, y);
          if (tile && tile.features.length > 0) held[name] = tile;
        }
        if (Object.keys(held).length > 0)
          tiles.push({ z, x, y, data: vtpbf.fromGeojsonVt(held as never) });
      }
  }
  return tiles;
}
