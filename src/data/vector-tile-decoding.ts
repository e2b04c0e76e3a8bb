/**
 * One vector tile's bytes (MVT, gzipped or not) turned into what the page holds: its features in
 * the layer's terms (ids and fields mapped as configured, checked against the contract), points
 * and lines put into columns. Pure, so that it runs the same in the tile worker and, where there
 * are no workers, in place. A failure comes back as the text of the problem, which the page turns
 * into the layer's error.
 */
import { VectorTile, type VectorTileFeature } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { isAdapterError } from './errors';
import { featureColumns, type DecodedGeometry } from './feature-columns-decoding';
import {
  checkMapping,
  mapFeatures,
  type FeatureMapping,
  type SourceFeature,
} from './sources/source-features';

export interface TileAddress {
  readonly z: number;
  readonly x: number;
  readonly y: number;
}

export interface TileToDecode {
  /** Empty: the source has no such tile (no features there). */
  readonly bytes: Uint8Array;
  readonly at: TileAddress;
  /** The layer inside the tiles that holds the dataset's features. */
  readonly sourceLayer: string;
  readonly mapping: FeatureMapping;
  /** What the messages name (the dataset). */
  readonly resource: string;
  /** Check the mapping against the features first, so that a wrong one is reported as such. */
  readonly check: boolean;
}

export type DecodedTile =
  | { readonly ok: true; readonly geometry: DecodedGeometry }
  | { readonly ok: false; readonly message: string };

const NO_FEATURES: DecodedTile = {
  ok: true,
  geometry: { layout: 'objects', collection: { type: 'FeatureCollection', features: [] } },
};

export async function decodeVectorTile(tile: TileToDecode): Promise<DecodedTile> {
  const { bytes, at, sourceLayer, resource } = tile;
  if (bytes.length === 0) return NO_FEATURES;
  let features: SourceFeature[];
  try {
    const decoded = new VectorTile(new PbfReader(isGzip(bytes) ? await gunzip(bytes) : bytes));
    const names = Object.keys(decoded.layers);
    // Own layers only: a name such as "constructor" is not one of the tile's.
    const layer = Object.hasOwn(decoded.layers, sourceLayer)
      ? decoded.layers[sourceLayer]
      : undefined;
    if (!layer) {
      if (names.length === 0) return NO_FEATURES;
      return { ok: false, message: `${resource}: ${noSuchLayer(sourceLayer, names)}` };
    }
    features = [];
    for (let index = 0; index < layer.length; index++) {
      const feature = layer.feature(index);
      // Type 0 is "unknown" in the MVT spec: it has no geometry to draw.
      if (feature.type === 0) continue;
      const { geometry } = feature.toGeoJSON(at.x, at.y, at.z);
      for (const part of contractGeometries(geometry))
        features.push({
          type: 'Feature',
          id: feature.id ?? null,
          geometry: part,
          properties: feature.properties,
        });
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `${resource}: tile ${at.z}/${at.x}/${at.y}: not a vector tile (${detail.slice(0, 200)})`,
    };
  }
  try {
    if (tile.check) checkMapping(features, tile.mapping, resource);
    const mapped = mapFeatures(features, tile.mapping, resource);
    const columns = featureColumns(mapped);
    return {
      ok: true,
      geometry: columns
        ? { layout: 'columns', columns }
        : { layout: 'objects', collection: { type: 'FeatureCollection', features: mapped } },
    };
  } catch (error) {
    if (isAdapterError(error)) return { ok: false, message: error.message };
    throw error;
  }
}

/** What a source whose tiles lack the configured layer is told. */
export function noSuchLayer(sourceLayer: string, names: readonly string[]): string {
  const has = names.length > 0 ? names.slice(0, 20).join(', ') : 'none';
  return `sourceLayer: the tiles have no layer "${sourceLayer}" (they have: ${has})`;
}

type TileGeometry = ReturnType<VectorTileFeature['toGeoJSON']>['geometry'];

/**
 * A tile's geometry as single parts, each a feature of its own with the same id (a pick on
 * either is the feature; the map joins the pieces back for what reads a feature whole). Single
 * parts keep a tile of lines or points in columns, drawn from binary attributes, and every part
 * drawn (a layer draws one part of a multi-part shape). The contract has no MultiPoint anyway.
 * Clipping can leave parts too short to draw (a line of one vertex, a ring of fewer than four):
 * they are dropped, and a feature with nothing left is too. A tile's buffer reaches past the
 * antimeridian at the world's edges: longitudes are held within ±180.
 */
function contractGeometries(geometry: TileGeometry): unknown[] {
  switch (geometry.type) {
    case 'Point':
      return [{ type: 'Point', coordinates: onEarth(geometry.coordinates) }];
    case 'MultiPoint':
      return geometry.coordinates.map((point) => ({ type: 'Point', coordinates: onEarth(point) }));
    case 'LineString':
    case 'MultiLineString': {
      const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      return parts
        .filter((line) => line.length >= 2)
        .map((line) => ({ type: 'LineString', coordinates: line.map(onEarth) }));
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      return parts
        .filter((rings) => (rings[0]?.length ?? 0) >= 4)
        .map((rings) => ({
          type: 'Polygon',
          coordinates: rings.filter((ring) => ring.length >= 4).map((ring) => ring.map(onEarth)),
        }));
    }
    default:
      // A geometry collection: no vector tile decodes to one.
      return [];
  }
}

function onEarth(position: readonly number[]): [number, number] {
  const [longitude = Number.NaN, latitude = Number.NaN] = position;
  return [Math.max(-180, Math.min(180, longitude)), Math.max(-90, Math.min(90, latitude))];
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Tiles stored gzipped (a folder of .pbf files) come so when served without Content-Encoding. */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
