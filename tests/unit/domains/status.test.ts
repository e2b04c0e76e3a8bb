/**
 * Every layer's per-feature status (counted in the layer panel) agrees with the level its
 * description shows for the same feature, on the generated city.
 */
import { featureObjects } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../../src/app/domains';
import { statusInput } from '../../../src/map/layer-contract';
import { countStatuses } from '../../../src/map/status-counts';
import { loadFixtureLayerData } from '../../helpers/fixtures';

const t = (key: string) => key;
const layers = DOMAINS.flatMap((domain) => domain.layers);

describe.each(layers.map((layer) => [layer.id, layer] as const))('%s status', (_id, layer) => {
  const data = loadFixtureLayerData(layer.dataset);
  it('matches the level of the feature description', () => {
    featureObjects(data.geometry).forEach((feature, index) => {
      const input = { feature, index, state: data.state };
      const shown = layer.describe({ ...input, language: 'en', t }).primary.level;
      const status = layer.status(statusInput(data.geometry, data.state, index));
      if (shown) expect(status, feature.id).toBe(shown);
    });
  });
  it('counts warnings and alarms within the number of features', () => {
    const counts = countStatuses(layer, data);
    expect(counts.warning + counts.alarm).toBeLessThanOrEqual(featureObjects(data.geometry).length);
  });
});

it('the generated city shows every kind of exception somewhere at the morning peak', () => {
  const total = layers.reduce(
    (sum, layer) => sum + countStatuses(layer, loadFixtureLayerData(layer.dataset)).alarm,
    0,
  );
  expect(total).toBeGreaterThan(0);
});

describe.each(layers.map((layer) => [layer.id, layer] as const))('%s description', (_id, layer) => {
  it('lists each detail row once', () => {
    const data = loadFixtureLayerData(layer.dataset);
    featureObjects(data.geometry)
      .slice(0, 50)
      .forEach((feature, index) => {
        const labels = layer
          .describe({ feature, index, state: data.state, language: 'en', t })
          .rows.map((row) => row.label);
        expect(new Set(labels).size).toBe(labels.length);
      });
  });
});
