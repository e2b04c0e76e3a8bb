import { describe, expect, it } from 'vitest';
import {
  BASEMAP_PARTS,
  TILED_BASEMAP_SOURCE,
  basemapLayers,
  tiledBasemapStyle,
} from '../../../src/map/embedded-style';

describe('tiledBasemapStyle', () => {
  const archive = 'https://tiles.example/city/basemap.pmtiles';
  const style = tiledBasemapStyle(archive);

  it('reads one PMTiles archive of vector tiles', () => {
    expect(style.sources).toEqual({
      [TILED_BASEMAP_SOURCE]: { type: 'vector', url: `pmtiles://${archive}` },
    });
  });

  it('draws every part as the embedded base map does, each from its layer in the tiles', () => {
    const embedded = basemapLayers();
    const [background, ...tiled] = style.layers;
    expect(background).toMatchObject({ id: 'background', type: 'background' });
    expect(tiled.map((layer) => layer.id)).toEqual(embedded.map((layer) => layer.id));
    const parts = new Set<string>();
    for (const [at, layer] of tiled.entries()) {
      const {
        source,
        'source-layer': sourceLayer,
        ...look
      } = layer as typeof layer & {
        source: string;
        'source-layer': string;
      };
      expect(source).toBe(TILED_BASEMAP_SOURCE);
      parts.add(sourceLayer);
      const { source: embeddedSource, ...embeddedLook } = embedded[at] as typeof layer & {
        source: string;
      };
      expect(embeddedSource).toMatch(new RegExp(`${sourceLayer}$`));
      expect(look).toEqual(embeddedLook);
    }
    expect([...parts].sort()).toEqual([...BASEMAP_PARTS].sort());
  });
});
