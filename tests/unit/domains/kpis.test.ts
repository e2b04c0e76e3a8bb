/**
 * The domains' key figures, table-style: small data in, figure out; and on the generated town,
 * every figure is consistent with the features it says it counts.
 */
import { describe, expect, it } from 'vitest';
import { DOMAINS } from '../../../src/app/domains';
import { median, responseTimeKpi } from '../../../src/domains/fire/kpis';
import { congestionIndexKpi } from '../../../src/domains/traffic/kpis';
import type { LayerData } from '../../../src/map/layer-contract';
import { countFeatures } from '../../../src/map/kpi-contract';
import { loadFixtureLayerData } from '../../helpers/fixtures';
import { layerData, line, point, stateTable } from './builders';

const everywhere = () => true;

describe('congestion index', () => {
  const roads = (speeds: (number | null)[], lengths: number[]): LayerData =>
    layerData(
      speeds.map((_, i) =>
        line(`r${i}`, { freeFlowKmh: 50 }, [
          [121.47, 31.23],
          [121.47 + lengths[i]! * 0.01, 31.23],
        ]),
      ),
      stateTable({ speedKmh: speeds }),
    );

  it.each([
    { speeds: [50, 50], lengths: [1, 1], index: 0 },
    { speeds: [0, 0], lengths: [1, 1], index: 10 },
    { speeds: [25, 50], lengths: [1, 1], index: 2.5 },
    // Weighted by length: the long jammed road counts three times as much.
    { speeds: [0, 50], lengths: [3, 1], index: 7.5 },
    // Faster than free flow is free flow, not negative congestion.
    { speeds: [80, 50], lengths: [1, 1], index: 0 },
  ])('$speeds km/h over lengths $lengths → $index', ({ speeds, lengths, index }) => {
    expect(congestionIndexKpi.value(roads(speeds, lengths), everywhere)).toBeCloseTo(index, 5);
  });

  it('leaves out roads without a reading, and has no figure without any', () => {
    expect(congestionIndexKpi.value(roads([null, 0], [5, 1]), everywhere)).toBeCloseTo(10, 5);
    expect(congestionIndexKpi.value(roads([null], [1]), everywhere)).toBeNull();
  });

  it('is computed over the features in scope only', () => {
    expect(congestionIndexKpi.value(roads([0, 50], [1, 1]), (i) => i === 1)).toBe(0);
    expect(congestionIndexKpi.level(7)).toBe('alarm');
    expect(congestionIndexKpi.level(4.5)).toBe('warning');
    expect(congestionIndexKpi.level(null)).toBe('unknown');
  });
});

describe('median response time', () => {
  it('is the median of the alarms that have one', () => {
    expect(median([])).toBeNull();
    expect(median([300, 100, 200])).toBe(200);
    expect(median([100, 400, 200, 300])).toBe(250);
    const alarms = layerData(
      [
        point('a', { responseTimeS: 300 }),
        point('b', { responseTimeS: null }),
        point('c', { responseTimeS: 500 }),
        point('d', { responseTimeS: -5 }),
      ],
      null,
    );
    expect(responseTimeKpi.value(alarms, everywhere)).toBe(400);
    expect(responseTimeKpi.value(alarms, (i) => i === 0)).toBe(300);
    expect(responseTimeKpi.level(13 * 60)).toBe('alarm');
  });
});

describe('every KPI on the generated town', () => {
  for (const kpi of DOMAINS.flatMap((domain) => domain.kpis ?? [])) {
    it(`${kpi.id}: a finite figure, within its scope, consistent with what it counts`, () => {
      const data = loadFixtureLayerData(kpi.layer.dataset);
      const value = kpi.value(data, everywhere);
      if (value !== null) expect(Number.isFinite(value)).toBe(true);
      expect(kpi.value(data, () => false) ?? 0).toBe(0);
      if (kpi.format === 'count') {
        expect(value).toBe(countFeatures(data, everywhere, kpi.counts));
        const half = (index: number) => index % 2 === 0;
        expect(kpi.value(data, half)).toBeLessThanOrEqual(value ?? 0);
      }
    });
  }
});
