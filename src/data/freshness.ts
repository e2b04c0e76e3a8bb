/**
 * Freshness is data: how old a value is, and whether it is overdue for its cadence. A value is
 * stale once it has missed two updates plus a grace period (one late answer is not an outage).
 */
export interface Freshness {
  readonly ageMs: number;
  readonly stale: boolean;
}

const GRACE_MS = 5_000;

export function freshness(observedAt: number, cadenceS: number, now: number): Freshness {
  const ageMs = Math.max(0, now - observedAt);
  return { ageMs, stale: ageMs > cadenceS * 2_000 + GRACE_MS };
}

/** Back-off delay for the n-th consecutive failure (1-based): 2 s, 4 s, 8 s … capped. */
export function backoffDelayMs(failures: number, capMs = 60_000): number {
  return Math.min(capMs, 1_000 * 2 ** Math.max(1, failures));
}
