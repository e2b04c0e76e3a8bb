import { describe, expect, it } from 'vitest';
import { HYDRANT_CELLS_BELOW_ZOOM } from '../../../src/domains/fire/hydrants-layer';
import { STATION_LABEL_MIN_ZOOM } from '../../../src/domains/fire/stations-layer';
import { NODE_MIN_ZOOM } from '../../../src/domains/pipes/node-style';
import { ROAD_ARROWS_MIN_ZOOM } from '../../../src/domains/traffic/roads-layer';
import { layerZoom } from '../../../src/map/layer-zoom';

describe('layerZoom', () => {
  it('rounds down to half levels', () => {
    expect(layerZoom(12.49)).toBe(12);
    expect(layerZoom(12.5)).toBe(12.5);
    expect(layerZoom(12.99)).toBe(12.5);
  });

  it('loses no zoom a domain layer changes at: each is a multiple of 0.5', () => {
    for (const threshold of [
      HYDRANT_CELLS_BELOW_ZOOM,
      STATION_LABEL_MIN_ZOOM,
      NODE_MIN_ZOOM,
      ROAD_ARROWS_MIN_ZOOM,
    ]) {
      expect(layerZoom(threshold)).toBe(threshold);
      expect(layerZoom(threshold - 0.01)).toBeLessThan(threshold);
    }
  });
});
