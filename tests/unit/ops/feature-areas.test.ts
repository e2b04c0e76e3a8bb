import { objectTable } from '../../../src/data/feature-table';
import { featureObjects } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import type { Areas } from '../../../src/data/schemas';
import { buildAreaTree } from '../../../src/ops/areas/area-tree';
import { featuresInArea } from '../../../src/ops/areas/feature-areas';
import {
  trendMarks,
  trendTimes,
  TREND_HOURS,
  TREND_STEP_MS,
} from '../../../src/ops/kpis/trend-times';
import { line, point, square } from '../domains/builders';

function box(
  id: string,
  level: 'district' | 'grid',
  parentId: string,
  [w, s, e, n]: [number, number, number, number],
): Areas['features'][number] {
  return {
    type: 'Feature' as const,
    id,
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [w!, s!],
          [e!, s!],
          [e!, n!],
          [w!, n!],
          [w!, s!],
        ],
      ],
    },
    properties: { name: { zh: id, en: id }, level, parentId },
  };
}

// Two districts side by side, each one grid cell; the western one also a second cell.
const areas: Areas = {
  type: 'FeatureCollection',
  features: [
    box('west', 'district', 'city', [121, 31, 121.1, 31.1]),
    box('east', 'district', 'city', [121.1, 31, 121.2, 31.1]),
    box('west-g1', 'grid', 'west', [121, 31, 121.05, 31.1]),
    box('west-g2', 'grid', 'west', [121.05, 31, 121.1, 31.1]),
    box('east-g1', 'grid', 'east', [121.1, 31, 121.2, 31.1]),
  ],
};

describe('features in an area', () => {
  const tree = buildAreaTree(areas);
  const geometry = objectTable({
    type: 'FeatureCollection',
    features: [
      point('a', {}, [121.02, 31.05]),
      point('b', {}, [121.07, 31.05]),
      point('c', {}, [121.15, 31.05]),
      // A line is where its middle is; a polygon where its extent's centre is.
      line('d', {}, [
        [121.01, 31.05],
        [121.16, 31.05],
        [121.17, 31.05],
      ]),
      square('e'),
      point('outside', {}, [122, 32]),
    ],
  });
  const members = (areaId: string | null) =>
    featureObjects(geometry).flatMap((f, i) => (featuresInArea(geometry, tree, areaId)(i) ? [f.id] : []));

  it('places each feature in the cells under the area, at any level', () => {
    expect(members('west')).toEqual(['a', 'b']);
    expect(members('west-g2')).toEqual(['b']);
    expect(members('east')).toEqual(['c', 'd']);
  });

  it('takes every feature when no area (or an unknown one) is chosen', () => {
    expect(members(null)).toHaveLength(6);
    expect(members('nowhere')).toHaveLength(6);
    expect(featuresInArea(geometry, null, 'west')(5)).toBe(true);
  });
});

describe('trend marks', () => {
  it('are fixed marks before the end, over the trend hours, never before history', () => {
    const end = Date.parse('2026-11-26T12:07:00Z');
    const marks = trendTimes(end);
    expect(marks).toHaveLength((TREND_HOURS * 3_600_000) / TREND_STEP_MS);
    expect(marks.at(-1)).toBe(Date.parse('2026-11-26T12:00:00Z'));
    expect(marks.every((mark) => mark % TREND_STEP_MS === 0)).toBe(true);
    // On a mark, the mark itself is the end, not a trend point.
    expect(trendTimes(Date.parse('2026-11-26T12:00:00Z')).at(-1)).toBe(
      Date.parse('2026-11-26T11:40:00Z'),
    );
    expect(trendTimes(end, Date.parse('2026-11-26T11:00:00Z'))[0]).toBe(
      Date.parse('2026-11-26T11:00:00Z'),
    );
  });
});

describe('trend marks the source can answer', () => {
  const mark = Date.parse('2026-11-26T12:00:00Z');

  it('leave out a mark just passed: the page\'s now may run ahead of the source\'s clock', () => {
    // 30 s past the mark at ×1: within a read step of now, the mark is not read yet.
    expect(trendMarks(null, mark + 30_000, 1).at(-1)).toBe(mark - TREND_STEP_MS);
    expect(trendMarks(null, mark + 61_000, 1).at(-1)).toBe(mark);
  });

  it('keep further behind while the clock runs fast', () => {
    // ×60: two wall seconds are two simulated minutes.
    expect(trendMarks(null, mark + 90_000, 60).at(-1)).toBe(mark - TREND_STEP_MS);
    expect(trendMarks(null, mark + 121_000, 60).at(-1)).toBe(mark);
  });

  it('in a replay end at the time shown, with every mark before it', () => {
    const now = mark + 5 * 3_600_000;
    const marks = trendMarks(mark + 7 * 60_000, now, 600);
    expect(marks.at(-1)).toBe(mark);
    expect(marks).toHaveLength((TREND_HOURS * 3_600_000) / TREND_STEP_MS);
  });
});
