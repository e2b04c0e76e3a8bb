/**
 * The demo backend's simulated clock, driven through the page's own API (`/clock` in
 * docs/api/openapi.yaml): the request is made by the page, so the demo backend in the page's
 * service worker answers it, as it answers the app.
 */
import type { Page } from 'playwright-core';
import { withinTimeout } from './within-timeout';

const CLOCK_URL = '/api/v1/clock';
/**
 * The demo backend's worker answers in turn, after the app's own requests, and at ×3600 on a
 * busy machine it falls seconds behind: only a worker that is stuck fails the run.
 */
const CALL_TIMEOUT_MS = 120_000;

export interface ClockReading {
  readonly mode: 'live' | 'running' | 'paused';
  /** Simulated time, ms since the epoch. */
  readonly timeMs: number;
  /** Simulated seconds per wall second. */
  readonly speed: number;
}

interface ClockAnswer {
  readonly status: number;
  readonly body: string;
}

async function call(page: Page, init: { method: string; body?: string }): Promise<ClockReading> {
  const answer = await withinTimeout(
    `${init.method} ${CLOCK_URL}`,
    CALL_TIMEOUT_MS,
    page.evaluate(
      async ({ url, method, body }): Promise<ClockAnswer> => {
        const response = await fetch(url, {
          method,
          ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body }),
        });
        return { status: response.status, body: await response.text() };
      },
      { url: CLOCK_URL, ...init },
    ),
  );
  if (answer.status !== 200)
    throw new Error(`${init.method} ${CLOCK_URL} answered ${answer.status}: ${answer.body}`);
  const clock = JSON.parse(answer.body) as {
    mode: ClockReading['mode'];
    time: string;
    speed: number;
  };
  const timeMs = Date.parse(clock.time);
  if (!Number.isFinite(timeMs)) throw new Error(`${CLOCK_URL} answered a bad time: ${answer.body}`);
  return { mode: clock.mode, timeMs, speed: clock.speed };
}

export function readClock(page: Page): Promise<ClockReading> {
  return call(page, { method: 'GET' });
}

/** Runs the simulated city ×`speed` from its current time (demo mode only: 403 otherwise). */
export async function runClockAt(page: Page, speed: number): Promise<ClockReading> {
  const clock = await call(page, {
    method: 'POST',
    body: JSON.stringify({ action: 'speed', speed }),
  });
  if (clock.mode !== 'running' || clock.speed !== speed)
    throw new Error(`the clock did not run ×${speed}: ${JSON.stringify(clock)}`);
  return clock;
}

/** Pauses the simulated city, or lets it run on at the speed it had. */
export async function pauseClock(page: Page, paused: boolean): Promise<ClockReading> {
  return call(page, {
    method: 'POST',
    body: JSON.stringify({ action: paused ? 'pause' : 'resume' }),
  });
}
