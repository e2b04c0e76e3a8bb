/**
 * Ingesting a live stream: the production build in headless Chromium, its live feed (the demo
 * backend's event stream, read in the page's live state worker) carrying thousands of
 * observations a second. The demo clock is sped up until the feed's own count (the rate the top
 * bar shows, over its last 30 s) reaches the plan's rate. Then, over a window of wall time: the main thread's busy
 * share (CDP `TaskDuration` over wall time) and the input delay of a click every half second
 * (from the input's time stamp to the page's first handler, on a harmless target). The baseline
 * is the same page in the same run with the clock paused, so that nothing arrives; windows
 * alternate paused, streaming, paused, streaming.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import type { CityScale } from '../../mocks/city/scale';
import { pauseClock, runClockAt } from '../probes/demo-clock';
import { withServedPage } from '../probes/served-page';
import { measurementOf, type Measurement } from '../result';
import { median } from '../stats';

const SUITE = 'stream';
const VIEWPORT = { width: 1280, height: 800 } as const;
const CLICK_EVERY_MS = 500;
const INPUT_TARGET = 'under 100 ms of input delay';

export interface StreamPlan {
  readonly scale: CityScale;
  /** Observations a second the feed must carry (the clock is sped up until it does). */
  readonly observationsPerS: number;
  /** Clock speeds tried in turn; the first that reaches the rate is kept. */
  readonly speeds: readonly number[];
  /** Wall time of each measured window. */
  readonly windowS: number;
  /** Windows of each kind (paused, streaming), alternated. */
  readonly windows: number;
}

export const SMOKE_PLAN: StreamPlan = {
  scale: 'town',
  observationsPerS: 1_000,
  speeds: [10],
  windowS: 8,
  windows: 1,
};
export const FULL_PLAN: StreamPlan = {
  scale: 'city',
  observationsPerS: 5_000,
  speeds: [1, 2, 5, 10, 20, 60],
  windowS: 30,
  windows: 2,
};

const CONFIGS: Record<CityScale, string> = {
  town: '/demo-town.config.json',
  city: '/cityops.config.json',
  megacity: '/bench/megacity.config.json',
};

interface MeasuredWindow {
  readonly busyShare: number;
  readonly inputDelaysMs: readonly number[];
  readonly observationsPerS: readonly number[];
}

declare global {
  interface Window {
    __benchInputDelays?: number[];
  }
}

/** The feed's own rate, as the top bar shows it (observations a second over 30 s). */
async function feedRate(page: Page): Promise<number> {
  const value = await page.getByTestId('live-feed').getAttribute('data-observations-per-s');
  return Number(value ?? 0);
}

/** Clicks the title every half second for the window, and reads what happened meanwhile. */
async function measureWindow(page: Page, windowS: number): Promise<MeasuredWindow> {
  await page.evaluate(() => {
    window.__benchInputDelays = [];
  });
  const title = await page.locator('.top-bar__title').boundingBox();
  if (!title) throw new Error('stream: the top bar has no title to click');
  const x = title.x + title.width / 2;
  const y = title.y + title.height / 2;
  const rates: number[] = [];
  // One session for the window: a session's task time counts from when it was enabled.
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const taskSeconds = async () => {
    const { metrics } = await session.send('Performance.getMetrics');
    const task = metrics.find((metric) => metric.name === 'TaskDuration');
    if (!task) throw new Error('Performance.getMetrics has no TaskDuration');
    return task.value;
  };
  const busyBefore = await taskSeconds();
  const started = performance.now();
  while (performance.now() - started < windowS * 1_000) {
    const at = performance.now();
    await page.mouse.click(x, y);
    rates.push(await feedRate(page));
    await sleep(Math.max(0, CLICK_EVERY_MS - (performance.now() - at)));
  }
  const wallS = (performance.now() - started) / 1_000;
  const busyShare = ((await taskSeconds()) - busyBefore) / wallS;
  await session.detach().catch(() => undefined);
  const inputDelaysMs = await page.evaluate(() => window.__benchInputDelays ?? []);
  return { busyShare, inputDelaysMs, observationsPerS: rates };
}

/** The input delay of every pointer press: from the input's time stamp to the first handler. */
function recordInputDelays(): void {
  window.addEventListener(
    'pointerdown',
    (event) => window.__benchInputDelays?.push(performance.now() - event.timeStamp),
    { capture: true },
  );
}

/**
 * Speeds the clock up until the feed carries the plan's rate (from the speed reached before, if
 * there was one); the speed and rate reached.
 */
async function reachRate(
  page: Page,
  plan: StreamPlan,
  from: number | null,
  log: (line: string) => void,
): Promise<{ speed: number; rate: number }> {
  let reached = { speed: from ?? plan.speeds[0]!, rate: 0 };
  await pauseClock(page, false);
  for (const speed of plan.speeds.filter((candidate) => from === null || candidate >= from)) {
    await runClockAt(page, speed);
    // The feed's rate is an average over its last 30 s: let it fill with this speed's events.
    await sleep(32_000);
    const rate = median(await Promise.all([0, 1, 2].map(() => feedRate(page))));
    log(`stream: clock ×${speed}: ${rate} observations/s`);
    reached = { speed, rate };
    if (rate >= plan.observationsPerS) break;
  }
  return reached;
}

export async function runStreamSuite(
  plan: StreamPlan,
  log: (line: string) => void,
): Promise<{ measurements: Measurement[] }> {
  const path = `/?config=${CONFIGS[plan.scale]}`;
  return withServedPage({ path, viewport: VIEWPORT, log }, async ({ page, problems }) => {
    await page.evaluate(recordInputDelays);
    await page.locator('[data-testid=live-feed][data-state=open]').waitFor({ timeout: 120_000 });
    const paused: MeasuredWindow[] = [];
    const streaming: MeasuredWindow[] = [];
    let reached = { speed: 0, rate: 0 };
    for (let k = 0; k < plan.windows; k++) {
      await pauseClock(page, true);
      await sleep(3_000); // what was under way lands
      paused.push(await measureWindow(page, plan.windowS));
      log(`stream: paused window ${k + 1}: busy ${(paused.at(-1)!.busyShare * 100).toFixed(0)} %`);
      reached = await reachRate(page, plan, k === 0 ? null : reached.speed, log);
      streaming.push(await measureWindow(page, plan.windowS));
      const last = streaming.at(-1)!;
      log(
        `stream: streaming window ${k + 1} at ×${reached.speed}: busy ${(last.busyShare * 100).toFixed(0)} %, ` +
          `input delay median ${median(last.inputDelaysMs).toFixed(1)} ms, ${median(last.observationsPerS)} observations/s`,
      );
    }
    const where = { suite: SUITE, scale: plan.scale };
    const all = (windows: MeasuredWindow[], pick: (w: MeasuredWindow) => readonly number[]) =>
      windows.flatMap(pick);
    const p95 = (samples: readonly number[]) => {
      const sorted = [...samples].sort((a, b) => a - b);
      return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? Number.NaN;
    };
    const delays = all(streaming, (w) => w.inputDelaysMs);
    const pausedDelays = all(paused, (w) => w.inputDelaysMs);
    return {
      measurements: [
        measurementOf(
          where,
          `observations per second carried by the live feed (clock ×${reached.speed})`,
          'count',
          all(streaming, (w) => w.observationsPerS),
        ),
        measurementOf(
          where,
          'main thread busy while streaming',
          'share',
          streaming.map((w) => w.busyShare * 100),
          { name: 'clock paused', samples: paused.map((w) => w.busyShare * 100) },
        ),
        measurementOf(
          where,
          'input delay while streaming, median',
          'ms',
          delays,
          { name: 'clock paused', samples: pausedDelays },
          INPUT_TARGET,
        ),
        measurementOf(
          where,
          'input delay while streaming, 95th percentile',
          'ms',
          [p95(delays)],
          { name: 'clock paused', samples: [p95(pausedDelays)] },
          INPUT_TARGET,
        ),
        measurementOf(where, 'console errors', 'count', [
          problems.filter((problem) => problem.kind === 'console').length,
        ]),
      ],
    };
  });
}
