/**
 * Traffic's key figure: the congestion index, 0 (free flow everywhere) to 10 (standing still),
 * the length-weighted mean of how far below its free-flow speed each road runs. Its features are
 * the congested and jammed roads.
 */
import { defineKpi } from '../../map/kpi-contract';
import { pathLengthsM } from '../../map/feature-geometry';
import { valueOrNull } from '../../map/feature-columns';
import { stateValue } from '../../data/live-state';
import { speedRatio } from './congestion';
import { roadCongestionAt, roadsLayer } from './roads-layer';

/** Index at or above which the city's traffic reads as a warning, and as an alarm. */
export const CONGESTION_INDEX_LEVELS = { warning: 4, alarm: 6 } as const;

export const congestionIndexKpi = defineKpi('traffic', {
  id: 'traffic.congestion-index',
  labelKey: 'kpi.congestionIndex',
  layer: roadsLayer,
  format: 'index',
  value: ({ geometry, state }, inScope) => {
    let weighted = 0;
    let total = 0;
    const lengths = pathLengthsM(geometry);
    const freeFlow = geometry.numbers('freeFlowKmh');
    for (let index = 0; index < geometry.length; index++) {
      if (!inScope(index)) continue;
      const ratio = speedRatio(
        stateValue(state, 'speedKmh', index),
        valueOrNull(freeFlow[index]),
      );
      if (ratio === null) continue;
      const length = lengths[index]!;
      weighted += length * (1 - Math.min(1, ratio));
      total += length;
    }
    return total > 0 ? (10 * weighted) / total : null;
  },
  counts: ({ geometry, state, index }) => {
    const level = roadCongestionAt(geometry, state, index);
    return level === 'congested' || level === 'jammed';
  },
  level: (value) =>
    value === null
      ? 'unknown'
      : value >= CONGESTION_INDEX_LEVELS.alarm
        ? 'alarm'
        : value >= CONGESTION_INDEX_LEVELS.warning
          ? 'warning'
          : 'normal',
});
