/** Pipe networks' key figures: the water pipes below the alarm pressure, the drains near full. */
import { countingKpi, defineKpi } from '../../map/kpi-contract';
import { drainagePipesLayer, waterPipesLayer } from './pipe-lines-layer';

export const waterPressureAlarmsKpi = defineKpi(
  'pipes',
  countingKpi({
    id: 'pipes.water-pressure-alarms',
    labelKey: 'kpi.waterPressureAlarms',
    layer: waterPipesLayer,
    counts: (input) => waterPipesLayer.status(input) === 'alarm',
    warningAt: 1,
    alarmAt: 1,
  }),
);

export const drainageFullKpi = defineKpi(
  'pipes',
  countingKpi({
    id: 'pipes.drainage-full',
    labelKey: 'kpi.drainageFull',
    layer: drainagePipesLayer,
    counts: (input) => drainagePipesLayer.status(input) === 'alarm',
    warningAt: 1,
    alarmAt: 1,
  }),
);
