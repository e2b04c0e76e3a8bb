/** A minimal layer definition for testing the engine without any real domain. */
import { ScatterplotLayer } from '@deck.gl/layers';
import { featureObjects, featureTable } from '../../../src/data/feature-table';
import { stateValue } from '../../../src/data/live-state';
import type { Dataset, Feature } from '../../../src/data/schemas';
import { defineLayer, type LayerData } from '../../../src/map/layer-contract';

export const fakeLayer = defineLayer({
  id: 'test.points',
  domain: 'test',
  titleKey: 'points',
  dataset: 'test.points',
  defaultVisible: true,
  legend: [],
  render: (data, context) => [
    new ScatterplotLayer<Feature>({
      id: 'test.points',
      data: featureObjects(data.geometry),
      visible: context.visible,
      opacity: context.opacity,
      pickable: true,
      getPosition: (feature) =>
        feature.geometry.type === 'Point'
          ? [feature.geometry.coordinates[0], feature.geometry.coordinates[1]]
          : [0, 0],
    }),
  ],
  // Column `level`: 2 alarm, 1 warning, anything else normal.
  status: ({ state, index }) => {
    const level = stateValue(state, 'level', index);
    return level === 2 ? 'alarm' : level === 1 ? 'warning' : 'normal';
  },
  describe: ({ feature }) => ({ title: feature.id, primary: { label: 'v', value: '1' }, rows: [] }),
});

export function pointData(ids: readonly string[]): LayerData {
  return {
    geometry: featureTable(
      ids.map((id) => ({
        type: 'Feature',
        id,
        geometry: { type: 'Point', coordinates: [121, 31] },
        properties: {},
      })),
    ),
    state: null,
  };
}

/** A catalog dataset of points with live state every `stateCadenceS`, for `fakeLayer` and its kin. */
export function fakeDataset(id = 'test.points', stateCadenceS = 10): Dataset {
  return {
    id,
    domain: 'test',
    geometryKind: 'point',
    stateCadenceS,
    geometryCadenceS: null,
    stateFields: [],
  };
}
