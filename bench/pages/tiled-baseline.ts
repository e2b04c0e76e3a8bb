/**
 * The deck.gl baseline of a dataset read as vector tiles: deck.gl's TileLayer asks for the tiles
 * in view, each read from the PMTiles archive (the `pmtiles` library, byte ranges) and decoded
 * (@mapbox/vector-tile) on the main thread as the app does, and drawn as one PathLayer per tile
 * coloured by the live value joined by the feature's `id` property. Nothing else: no validation,
 * no mapping, no status.
 */
import type { Layer } from '@deck.gl/core';
import { TileLayer } from '@deck.gl/geo-layers';
import { PathLayer } from '@deck.gl/layers';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles } from 'pmtiles';

type Rgba = [number, number, number, number];

interface TilePath {
  readonly path: [number, number][];
  readonly color: Rgba;
}

/** The deck.gl layer drawing one archive; `colorOf` gives a feature's colour by its id. */
export async function tiledPathLayer(
  id: string,
  url: string,
  colorOf: (featureId: string) => Rgba,
): Promise<Layer> {
  const archive = new PMTiles(url);
  const header = await archive.getHeader();
  return new TileLayer<TilePath[]>({
    id,
    data: null,
    minZoom: header.minZoom,
    maxZoom: header.maxZoom,
    extent: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    tileSize: 512,
    getTileData: async ({ index: { x, y, z }, signal }) => {
      const read = await archive.getZxy(z, x, y, signal);
      if (!read) return [];
      const layer = new VectorTile(new PbfReader(new Uint8Array(read.data))).layers[id];
      if (!layer) return [];
      const paths: TilePath[] = [];
      for (let index = 0; index < layer.length; index++) {
        const feature = layer.feature(index);
        const color = colorOf(String(feature.properties['id']));
        const { geometry } = feature.toGeoJSON(x, y, z);
        if (geometry.type === 'LineString')
          paths.push({ path: geometry.coordinates as [number, number][], color });
        else if (geometry.type === 'MultiLineString')
          for (const part of geometry.coordinates)
            paths.push({ path: part as [number, number][], color });
      }
      return paths;
    },
    renderSubLayers: (props) =>
      new PathLayer<TilePath>({
        id: `${props.id}-paths`,
        data: props.data,
        getPath: (entry) => entry.path,
        getColor: (entry) => entry.color,
        getWidth: 3,
        widthUnits: 'pixels',
        capRounded: true,
        jointRounded: true,
        pickable: true,
      }),
    pickable: true,
  });
}
