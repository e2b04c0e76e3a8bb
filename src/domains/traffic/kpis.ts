/**
 * Traffic's key figure: the congestion index, 0 (free flow everywhere) to 10 (standing still),
 * the length-weighted mean of how far below its free-flow speed each road runs. Its features are
 * the congested and jammed roads.
 */
import { defineKpi } from '../../map/kpi-contract';
import { linePath, pathLengthM } from '../../map/feature-geometry';
import { numberProperty } from '../../map/feature-text';
import { stateValue } from '../../data/live-state';
import { speedRatio } from './congestion';
import { roadCongestion, roadsLayer } from './roads-layer';

/** Index at or above which the city's traffic reads as a warning, and as an alarm. */
export const CONGESTION_INDEX_LEVELS = { warning: 4, alarm: 6 } as const;

const lengths = new WeakMap<object, number>();

function roadLength(feature: Parameters<typeof linePath>[0]): number {
  let length = lengths.get(feature);
  if (length === undefined) {
    length = pathLengthM(linePath(feature));
    lengths.set(feature, length);
  }
  return length;
}

export const congestionIndexKpi = defineKpi('traffic', {
  id: 'traffic.congestion-index',
  labelKey: 'kpi.congestionIndex',
  layer: roadsLayer,
  format: 'index',
  value: ({ geometry, state }, inScope) => {
    let weighted = 0;
    let total = 0;
    geometry.features.forEach((feature, index) => {
      if (!inScope(index)) return;
      const ratio = speedRatio(
        stateValue(state, 'speedKmh', index),
        numberProperty(feature, 'freeFlowKmh'),
      );
      if (ratio === null) return;
      const length = roadLength(feature);
      weighted += length * (1 - Math.min(1, ratio));
      total += length;
    });
    return total > 0 ? (10 * weighted) / total : null;
  },
  counts: ({ feature, state, index }) => {
    const level = roadCongestion(feature, state, index);
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
