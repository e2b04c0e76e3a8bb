import { describe, expect, it } from 'vitest';
import { configCatalogAdapter } from '../../../src/data/config-catalog-adapter';
import type { Catalog } from '../../../src/data/schemas';
import { adapterFailure } from '../../helpers/adapter-failure';

const catalog: Catalog = {
  city: {
    id: 'riverton',
    name: { zh: '河镇', en: 'Riverton' },
    center: [121.45, 31.2],
    zoom: 13,
    bbox: [121.4, 31.15, 121.5, 31.25],
  },
  datasets: [],
};

describe('the adapter of a catalog from the config', () => {
  const adapter = configCatalogAdapter(catalog, () => 7);

  it('serves the catalog as given', async () => {
    expect(await adapter.getCatalog()).toEqual({ data: catalog, fetchedAt: 7 });
  });

  it('says it has no alarms, areas, base map, stream or demo controls', () => {
    expect(adapter.capabilities).toMatchObject({
      alarms: false,
      areas: false,
      basemap: false,
      liveStream: false,
      demoControls: false,
    });
  });

  it('answers every other read with unsupported, naming what was asked', async () => {
    for (const read of [
      adapter.getGeometry('traffic.roads'),
      adapter.getAlarms(),
      adapter.getAreas(),
      adapter.getBasemap(),
      adapter.getClock(),
    ]) {
      const error = await adapterFailure(read);
      expect(error.kind).toBe('unsupported');
    }
    expect((await adapterFailure(adapter.getLiveState('fire.hydrants'))).resource).toBe(
      'fire.hydrants',
    );
  });
});
