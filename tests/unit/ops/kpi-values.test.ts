import { objectTable } from '../../../src/data/feature-table';
import { describe, expect, it, vi } from 'vitest';
import { joinLiveState } from '../../../src/data/live-state';
import type { KpiDefinition } from '../../../src/map/kpi-contract';
import { kpiValueOnce } from '../../../src/ops/kpis/kpi-values';
import { point } from '../domains/builders';

const geometry = objectTable({
  type: 'FeatureCollection',
  features: [point('a'), point('b'), point('c')],
});
const state = (values: number[]) =>
  joinLiveState(geometry, {
    dataset: 'x.points',
    observedAt: '2026-11-26T08:00:00Z',
    cadenceS: 60,
    ids: ['a', 'b', 'c'],
    columns: { level: values },
  });

function summing(): KpiDefinition & { value: ReturnType<typeof vi.fn> } {
  const value = vi.fn(
    (data: { state: ReturnType<typeof state> | null }, inScope: (i: number) => boolean) => {
      const column = data.state?.columns.get('level');
      let total = 0;
      for (let i = 0; i < (column?.length ?? 0); i++) if (inScope(i)) total += column![i]!;
      return total;
    },
  );
  return { id: 'x.sum', value } as unknown as KpiDefinition & { value: typeof value };
}

describe('a figure over one read', () => {
  it('is computed once per read and scope, however often it is asked for', () => {
    const kpi = summing();
    const data = { geometry, state: state([1, 2, 3]) };
    const everywhere = () => () => true;
    expect(kpiValueOnce(kpi, data, everywhere)).toBe(6);
    expect(kpiValueOnce(kpi, { ...data }, everywhere)).toBe(6);
    expect(kpi.value).toHaveBeenCalledTimes(1);
  });

  it('is computed again for a new read or a new scope', () => {
    const kpi = summing();
    const everywhere = () => () => true;
    const firstTwo = () => (index: number) => index < 2;
    const data = { geometry, state: state([1, 2, 3]) };
    expect(kpiValueOnce(kpi, data, everywhere)).toBe(6);
    expect(kpiValueOnce(kpi, data, firstTwo)).toBe(3);
    expect(kpiValueOnce(kpi, { geometry, state: state([5, 5, 5]) }, everywhere)).toBe(15);
    expect(kpi.value).toHaveBeenCalledTimes(3);
  });
});
