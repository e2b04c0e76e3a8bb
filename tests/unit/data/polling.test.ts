import { describe, expect, it } from 'vitest';
import { AdapterError } from '../../../src/data/errors';
import { backoffDelayMs, freshness } from '../../../src/data/freshness';
import { pollingInterval, shouldRetry } from '../../../src/data/queries';

type QueryState = Parameters<ReturnType<typeof pollingInterval>>[0]['state'];
const query = (status: 'success' | 'error' | 'pending', fetchFailureCount: number) => ({
  state: { status, fetchFailureCount } as QueryState,
});

describe('polling', () => {
  it('polls at the cadence while healthy', () => {
    expect(pollingInterval(10)(query('success', 0))).toBe(10_000);
  });
  it('polls faster while a demo clock runs ×N, but never faster than MIN_POLL_MS', () => {
    expect(pollingInterval(10, 4)(query('success', 0))).toBe(2_500);
    expect(pollingInterval(10, 600)(query('success', 0))).toBe(2_000);
  });
  it('does not poll static data while healthy', () => {
    expect(pollingInterval(null)(query('success', 0))).toBe(false);
  });
  it('backs off after failures, growing and capped, even for static data', () => {
    const delays = [1, 2, 3, 4, 10].map((n) => pollingInterval(null)(query('error', n)));
    expect(delays).toEqual([2_000, 4_000, 8_000, 16_000, 60_000]);
    expect(pollingInterval(5)(query('error', 1))).toBe(backoffDelayMs(1));
  });
  it('retries failures quickly twice but never retries an abort', () => {
    const http = new AdapterError('http', 'x', { resource: 'r', status: 500 });
    const aborted = new AdapterError('aborted', 'x', { resource: 'r' });
    expect([0, 1, 2].map((n) => shouldRetry(n, http))).toEqual([true, true, false]);
    expect(shouldRetry(0, aborted)).toBe(false);
  });
});

describe('freshness', () => {
  it.each([
    [0, false],
    [25_000, false],
    [25_001, true],
  ])('a 10 s feed observed %d ms ago is stale: %s', (age, stale) => {
    expect(freshness(1_000_000 - age, 10, 1_000_000)).toEqual({ ageMs: age, stale });
  });
  it('never reports a negative age for clocks slightly ahead', () => {
    expect(freshness(2_000, 10, 1_000).ageMs).toBe(0);
  });
});
