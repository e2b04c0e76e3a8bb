/**
 * Time query parameters: `at` (evaluate at a past time) and `since` (answer only what changed).
 * Both are ISO 8601 date-times; history reaches back 24 simulated hours, which bounds what the
 * backend must be able to recompute.
 */
export const HISTORY_MS = 24 * 3_600_000;

export type TimeParam = { ok: true; time: number | null } | { ok: false; message: string };

/** Date-time with a UTC offset or Z, as everywhere in the contract. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function parseTimeParam(name: string, value: string | null): TimeParam {
  if (value === null) return { ok: true, time: null };
  const time = ISO_DATE_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(time)) {
    return {
      ok: false,
      message: `${name} must be an ISO 8601 date-time with an offset, got "${value.slice(0, 60)}"`,
    };
  }
  return { ok: true, time };
}

/** `at` for history: within the last 24 simulated hours, and not in the future. */
export function parseAtParam(value: string | null, now: number): TimeParam {
  const parsed = parseTimeParam('at', value);
  if (!parsed.ok || parsed.time === null) return parsed;
  if (parsed.time > now)
    return { ok: false, message: 'at is in the future of the simulated clock' };
  if (parsed.time < now - HISTORY_MS)
    return { ok: false, message: 'at is more than 24 simulated hours ago: history is not kept' };
  return parsed;
}

/** Whether a delta since `since` can be answered at `now`; otherwise the full state is sent. */
export function isDeltaBase(since: number, now: number): boolean {
  return since <= now && since >= now - HISTORY_MS;
}
