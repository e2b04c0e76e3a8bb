/** docs/integration.md's example config is a config the app accepts, as it is written there. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../../../src/app/config/runtime-config';

const doc = readFileSync(new URL('../../../docs/integration.md', import.meta.url), 'utf8');

describe('docs/integration.md', () => {
  it('has an example config that loads, with every source it describes', () => {
    const blocks = [...doc.matchAll(/```json\n([\s\S]*?)\n```/gu)].map((match) => match[1]!);
    expect(blocks).toHaveLength(1);
    const config = parseRuntimeConfig(JSON.parse(blocks[0]!), 'docs/integration.md');
    expect(Object.keys(config.sources).sort()).toEqual([
      'fire.hydrants',
      'pipes.water',
      'traffic.roads',
    ]);
    expect(config.sources['pipes.water']!.geometry).toMatchObject({
      adapter: 'pmtiles',
      sourceLayer: 'pipes.water',
      idProperty: 'id',
    });
    expect(config.sources['traffic.roads']!.geometry!.adapter).toBe('ogc-api-features');
    expect(config.sources['fire.hydrants']!.geometry).toMatchObject({
      adapter: 'geojson',
      idProperty: 'HYDRANT_NO',
    });
    expect(config.sources['fire.hydrants']!.state).toMatchObject({
      adapter: 'sensorthings',
      columns: { inService: 'In service' },
      mqtt: { url: 'wss://sta.city.example/mqtt', topicPrefix: 'v1.1' },
    });
  });
});
