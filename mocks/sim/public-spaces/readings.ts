/**
 * Crowding readings at the thresholds of docs/api/datasets.md: occupancy / capacity ≥ 0.75 is a
 * warning (severity 2), ≥ 0.9 an alarm (severity 3). One reading per space, raised at the
 * warning threshold and marked critical beyond the alarm one, so a filling venue is one alarm
 * that escalates (the alarm engine keeps the highest severity seen) rather than two.
 */
import type { CityModel } from '../../city/generate-city';
import { roundTo } from '../../live/signals';
import type { AlarmReading, AlarmRule } from '../types';

export const CROWDING_WARNING_SHARE = 0.75;
export const CROWDING_ALARM_SHARE = 0.9;

export const CROWDING_RULE = {
  id: 'public-spaces.crowding',
  raiseHoldS: 180,
  clearHoldS: 600,
  // Clears once the space is back under ~68 % of capacity.
  clearBelow: 0.9,
} as const satisfies AlarmRule;

export function crowdingReadings(city: CityModel, occupancy: readonly number[]): AlarmReading[] {
  const readings: AlarmReading[] = [];
  city.publicSpaces.forEach((space, i) => {
    const people = occupancy[i] ?? 0;
    const share = space.capacity > 0 ? people / space.capacity : 0;
    const level = share / CROWDING_WARNING_SHARE;
    if (level < CROWDING_RULE.clearBelow) return;
    const critical = share >= CROWDING_ALARM_SHARE;
    const percent = Math.round(share * 100);
    readings.push({
      key: `crowding:${space.id}`,
      ruleId: CROWDING_RULE.id,
      domain: 'public-spaces',
      department: 'city-management',
      severity: critical ? 3 : 2,
      datasetId: 'public-spaces.spaces',
      featureIds: [space.id],
      level: roundTo(level, 3),
      value: people,
      unit: 'people',
      title: critical
        ? {
            zh: `${space.name.zh}人员严重拥挤（${percent}%）`,
            en: `${space.name.en} overcrowded (${percent} %)`,
          }
        : {
            zh: `${space.name.zh}人员密集（${percent}%）`,
            en: `${space.name.en} crowded (${percent} %)`,
          },
    });
  });
  return readings;
}
