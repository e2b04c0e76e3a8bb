import { objectTable } from '../../../src/data/feature-table';
import { describe, expect, it } from 'vitest';
import { createLiveStateDecoder } from '../../../src/data/live-state-decoder';
import { decodeLiveState } from '../../../src/data/live-state-decoding';
import { joinLiveState } from '../../../src/data/live-state';
import type { LiveState } from '../../../src/data/schemas';
import { point } from '../domains/builders';

const state = (ids: string[], speeds: (number | null)[]): LiveState => ({
  dataset: 'x.roads',
  observedAt: '2026-11-26T08:00:00Z',
  cadenceS: 60,
  ids,
  columns: { speed: speeds },
});
const bytes = (body: unknown): ArrayBuffer =>
  new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body))
    .buffer as ArrayBuffer;

describe('decoding a live state response', () => {
  it('checks it against the contract and puts its columns into typed arrays, NaN for no reading', () => {
    const decoded = decodeLiveState(bytes(state(['a', 'b'], [3, null])));
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const speeds = decoded.value.columns['speed'];
    expect(speeds).toBeInstanceOf(Float64Array);
    expect([...(speeds as Float64Array)]).toEqual([3, Number.NaN]);
  });

  it('says why a response is unusable: not JSON, or where it breaks the contract', () => {
    expect(decodeLiveState(bytes('<html>502</html>'))).toEqual({ ok: false, reason: 'not-json' });
    const invalid = decodeLiveState(bytes(state(['a', 'b'], [3, 'x' as unknown as number])));
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid' });
    expect(invalid.ok ? '' : 'summary' in invalid ? invalid.summary : '').toMatch(
      /invalid data: .+ at columns\.speed\.1/,
    );
  });
});

describe('the live state decoder (in place, where there are no workers)', () => {
  it('hands out the same ids array while a source sends the same ids, so the join is reused', async () => {
    const decoder = createLiveStateDecoder();
    const first = await decoder.decode('x.roads', bytes(state(['a', 'b', 'c'], [1, 2, 3])));
    const second = await decoder.decode('x.roads', bytes(state(['a', 'b', 'c'], [4, 5, 6])));
    const other = await decoder.decode('x.pipes', bytes(state(['a', 'b', 'c'], [7, 8, 9])));
    const changed = await decoder.decode('x.roads', bytes(state(['a', 'c'], [7, 8])));
    if (!first.ok || !second.ok || !other.ok || !changed.ok) throw new Error('decoding failed');
    expect(second.value.ids).toBe(first.value.ids);
    expect(other.value.ids).not.toBe(first.value.ids);
    expect(changed.value.ids).toEqual(['a', 'c']);

    const geometry = objectTable({
      type: 'FeatureCollection',
      features: [point('a'), point('b'), point('c')],
    });
    const table = joinLiveState(geometry, second.value);
    expect([...table.columns.get('speed')!]).toEqual([4, 5, 6]);
    expect([...joinLiveState(geometry, changed.value).columns.get('speed')!]).toEqual([
      7,
      Number.NaN,
      8,
    ]);
  });
});
