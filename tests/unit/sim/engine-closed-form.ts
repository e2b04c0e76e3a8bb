/**
 * The closed-form live values of mocks/live as domain models: no events and no cross effects,
 * only the values as a function of time, with alarm readings at the thresholds of
 * docs/api/datasets.md. A full-size city for the engine's tests whose every value is known
 * without the engine.
 */
import type { CityModel } from '../../../mocks/city/generate-city';
import { datasetFeatures } from '../../../mocks/geojson/dataset-features';
import type { LiveDatasetId } from '../../../mocks/datasets';
import type { StateColumns } from '../../../mocks/live/columns';
import { activeAlarms, alarmName } from '../../../mocks/live/fire-alarms';
import { liveState } from '../../../mocks/live/live-state';
import type { AlarmReading, AlarmRule, DomainModel } from '../../../mocks/sim/types';

type ReadingsOf = (city: CityModel, t: number) => AlarmReading[];

function closedFormModel(
  id: string,
  datasets: readonly LiveDatasetId[],
  rules: readonly AlarmRule[],
  readings: ReadingsOf,
  dynamic?: DomainModel['dynamic'],
): DomainModel {
  return {
    id,
    datasets,
    rules,
    ...(dynamic ? { dynamic } : {}),
    backgroundEvents: () => [],
    applyEffects: () => undefined,
    columns: (ctx, datasetId, t): StateColumns => {
      const { ids, columns } = liveState(ctx.city, datasetId, t);
      return { ids, columns };
    },
    readings: (ctx, t) => readings(ctx.city, t),
  };
}

/** Readings of one column: level 0 at the `warning` threshold, 1 at the `alarm` one (either direction). */
function thresholdReadings(
  city: CityModel,
  t: number,
  datasetId: LiveDatasetId,
  column: string,
  template: Omit<AlarmReading, 'key' | 'featureIds' | 'level' | 'value'>,
  [warning, alarm]: readonly [number, number],
  clearBelow: number,
): AlarmReading[] {
  const state = liveState(city, datasetId, t);
  const values = state.columns[column] ?? [];
  const readings: AlarmReading[] = [];
  state.ids.forEach((featureId, i) => {
    const value = values[i];
    if (value === null || value === undefined) return;
    const level = (value - warning) / (alarm - warning);
    if (level < clearBelow) return;
    readings.push({
      ...template,
      key: `${template.ruleId}:${featureId}`,
      featureIds: [featureId],
      level,
      value,
    });
  });
  return readings;
}

const WATER_RULE: AlarmRule = {
  id: 'water-pressure-low',
  raiseHoldS: 60,
  clearHoldS: 120,
  clearBelow: 0.6,
};
const DRAINAGE_RULE: AlarmRule = {
  id: 'drainage-full',
  raiseHoldS: 60,
  clearHoldS: 120,
  clearBelow: 0.5,
};
const CROWD_RULE: AlarmRule = {
  id: 'crowd-density',
  raiseHoldS: 120,
  clearHoldS: 300,
  clearBelow: 0.6,
};
const FIRE_RULE: AlarmRule = { id: 'fire-incident', raiseHoldS: 0, clearHoldS: 0, clearBelow: 1 };

export function closedFormModels(): DomainModel[] {
  return [
    closedFormModel(
      'pipes',
      ['pipes.water', 'pipes.drainage', 'pipes.gas', 'pipes.nodes'],
      [WATER_RULE, DRAINAGE_RULE],
      (city, t) => [
        ...thresholdReadings(
          city,
          t,
          'pipes.water',
          'pressureKpa',
          {
            ruleId: WATER_RULE.id,
            domain: 'pipes',
            department: 'water-utility',
            severity: 2,
            datasetId: 'pipes.water',
            unit: 'kPa',
            title: { zh: '供水压力过低', en: 'Low water pressure' },
          },
          [250, 180],
          WATER_RULE.clearBelow,
        ),
        ...thresholdReadings(
          city,
          t,
          'pipes.drainage',
          'fillRatio',
          {
            ruleId: DRAINAGE_RULE.id,
            domain: 'pipes',
            department: 'drainage',
            severity: 2,
            datasetId: 'pipes.drainage',
            unit: '1',
            title: { zh: '排水管道满流', en: 'Sewer running full' },
          },
          [0.7, 0.9],
          DRAINAGE_RULE.clearBelow,
        ),
      ],
    ),
    closedFormModel('public-spaces', ['public-spaces.spaces'], [CROWD_RULE], (city, t) => {
      const state = liveState(city, 'public-spaces.spaces', t);
      const occupancy = state.columns.occupancy ?? [];
      return city.publicSpaces.flatMap((space, i): AlarmReading[] => {
        const people = occupancy[i] ?? 0;
        const level = (people / space.capacity - 0.75) / 0.15;
        if (level < CROWD_RULE.clearBelow) return [];
        return [
          {
            key: `${CROWD_RULE.id}:${space.id}`,
            ruleId: CROWD_RULE.id,
            domain: 'public-spaces',
            department: 'city-management',
            severity: 2,
            datasetId: 'public-spaces.spaces',
            featureIds: [space.id],
            level,
            value: people,
            unit: 'people',
            title: { zh: `人流密集 · ${space.name.zh}`, en: `Crowding · ${space.name.en}` },
          },
        ];
      });
    }),
    closedFormModel(
      'fire',
      ['fire.stations', 'fire.hydrants'],
      [FIRE_RULE],
      (city, t) =>
        activeAlarms(city, t)
          .filter((alarm) => alarm.status === 'incident')
          .map((alarm) => ({
            key: `${FIRE_RULE.id}:${alarm.id}`,
            ruleId: FIRE_RULE.id,
            domain: 'fire',
            department: 'fire-brigade',
            severity: alarm.severity,
            datasetId: 'fire.alarms',
            featureIds: [alarm.id],
            level: 1,
            value: alarm.severity,
            unit: '1',
            title: alarmName(alarm),
          })),
      {
        datasetIds: ['fire.alarms'],
        features: (ctx, _datasetId, t) => datasetFeatures(ctx.city, 'fire.alarms', t),
      },
    ),
    closedFormModel('traffic', ['traffic.roads'], [], () => []),
  ];
}
