/** Public spaces' key figure: the spaces filling up (at the warning share of capacity or more). */
import { countingKpi, defineKpi } from '../../map/kpi-contract';
import { spacesLayer } from './spaces-layer';

export const crowdedSpacesKpi = defineKpi(
  'public-spaces',
  countingKpi({
    id: 'public-spaces.crowded',
    labelKey: 'kpi.crowded',
    layer: spacesLayer,
    counts: (input) => {
      const level = spacesLayer.status(input);
      return level === 'warning' || level === 'alarm';
    },
    warningAt: 1,
    alarmAt: 3,
  }),
);
