/**
 * The soak run: the wall screen of an operations centre stays open for whole shifts, so its
 * memory must stay bounded however long the city runs. The production build is opened in
 * headless Chromium (bench/probes/served-page.ts), the demo city's clock runs ×3600 (an hour a
 * second), and at a fixed wall interval the page's JS heap and DOM nodes are read after a forced
 * garbage collection (bench/probes/page-metrics.ts). The first samples are a warm-up (caches
 * fill, the KPI trends fill their three hours); the figure is the growth from just after the
 * warm-up to the end, each end the median of a few samples so that one noisy sample cannot
 * make it. No threshold: the figure is recorded; the target is under 10 %.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import type { PageProblem } from '../../tests/e2e/support/browser';
import { readClock, runClockAt } from '../probes/demo-clock';
import { attachPageMetrics, type PageMetricsProbe } from '../probes/page-metrics';
import { withServedPage } from '../probes/served-page';
import { measurementOf, type Measurement } from '../result';
import { median } from '../stats';

const SUITE = 'soak';
/** The wall screen in the town preset; until wall mode exists the URL opens the console. */
const PAGE_PATH = '/?mode=wall&config=/demo-town.config.json';
const SCALE = 'town';
const VIEWPORT = { width: 1920, height: 1080 } as const;
const TARGET = 'under 10 % growth after warm-up';

export interface SoakPlan {
  /** Simulated seconds per wall second (the demo clock allows up to 3600). */
  readonly speed: number;
  /** Wall time sampled, from the first sample to the last. */
  readonly durationS: number;
  /** Wall time from one sample to the next. */
  readonly intervalS: number;
  /** Share of the samples, from the start, discarded as warm-up. */
  readonly warmUpFraction: number;
  /** How many samples the median at each end of the kept run takes. */
  readonly edgeSamples: number;
}

/** About a minute: some 60 simulated hours, small enough for CI's smoke run. */
export const SMOKE_PLAN: SoakPlan = {
  speed: 3600,
  durationS: 60,
  intervalS: 5,
  warmUpFraction: 0.2,
  edgeSamples: 3,
};
/** 25 wall minutes at an hour a second: some 1,500 simulated hours, about two months of days. */
export const FULL_PLAN: SoakPlan = {
  speed: 3600,
  durationS: 25 * 60,
  intervalS: 30,
  warmUpFraction: 0.2,
  edgeSamples: 5,
};

export function withMinutes(plan: SoakPlan, minutes: number): SoakPlan {
  if (!(minutes > 0)) throw new Error(`soak minutes must be a positive number, got ${minutes}`);
  return { ...plan, durationS: Math.round(minutes * 60) };
}

export interface SoakSample {
  /** Wall seconds since the clock was sped up. */
  readonly wallS: number;
  /** Simulated time (ISO 8601, UTC). */
  readonly simulatedTime: string;
  readonly heapMB: number;
  readonly domNodes: number;
  readonly eventListeners: number;
  /** How long the sample took (collections, metrics, clock): a busy page answers late. */
  readonly sampleMs: number;
}

export interface SoakDetails {
  readonly path: string;
  readonly viewport: typeof VIEWPORT;
  readonly plan: SoakPlan;
  readonly series: readonly SoakSample[];
  /** Distinct console errors, uncaught exceptions and dialogs, with how often each came. */
  readonly problems: readonly { kind: PageProblem['kind']; text: string; count: number }[];
}

export interface SoakResult {
  readonly measurements: Measurement[];
  readonly details: SoakDetails;
}

/** An abort on SIGINT/SIGTERM, so that a run stopped by hand ends now, not after its sleep. */
function interruption(): { signal: AbortSignal; release(): void } {
  const controller = new AbortController();
  const abort = (signal: NodeJS.Signals) =>
    controller.abort(new Error(`soak stopped by ${signal}`));
  process.once('SIGINT', abort);
  process.once('SIGTERM', abort);
  return {
    signal: controller.signal,
    release() {
      process.off('SIGINT', abort);
      process.off('SIGTERM', abort);
    },
  };
}

function row(
  name: string,
  unit: Measurement['unit'],
  samples: readonly number[],
  target: string | null = null,
): Measurement {
  return measurementOf({ suite: SUITE, scale: SCALE }, name, unit, samples, null, target);
}

const hoursBetween = (from: SoakSample, to: SoakSample): number =>
  (Date.parse(to.simulatedTime) - Date.parse(from.simulatedTime)) / 3_600_000;

/** The table's rows: warm-up discarded, then growth from the first to the last few samples. */
export function soakMeasurements(
  plan: SoakPlan,
  series: readonly SoakSample[],
  problems: readonly PageProblem[],
): Measurement[] {
  if (series.length < 2) throw new Error(`a soak needs two samples at least, got ${series.length}`);
  const warmUp = Math.min(series.length - 2, Math.ceil(series.length * plan.warmUpFraction));
  const kept = series.slice(warmUp);
  const edge = Math.max(1, Math.min(plan.edgeSamples, Math.floor(kept.length / 2)));
  const first = kept.slice(0, edge);
  const last = kept.slice(-edge);
  const growth = (pick: (s: SoakSample) => number): [number] => {
    const from = median(first.map(pick));
    return [((median(last.map(pick)) - from) / from) * 100];
  };
  const heap = (s: SoakSample): number => s.heapMB;
  const nodes = (s: SoakSample): number => s.domNodes;
  const ends = `median of ${edge} samples`;
  return [
    row(`wall time sampled (a sample every ${plan.intervalS} s)`, 'min', [
      (series.at(-1)!.wallS - series[0]!.wallS) / 60,
    ]),
    row(`simulated time covered (clock ×${plan.speed})`, 'h', [
      hoursBetween(series[0]!, series.at(-1)!),
    ]),
    row(`samples kept (first ${warmUp} of ${series.length} discarded as warm-up)`, 'count', [
      kept.length,
    ]),
    row('simulated time after warm-up', 'h', [hoursBetween(kept[0]!, kept.at(-1)!)]),
    row(`JS heap used after GC, after warm-up (${ends})`, 'MB', first.map(heap)),
    row(`JS heap used after GC, at the end (${ends})`, 'MB', last.map(heap)),
    row('JS heap growth after warm-up', '%', growth(heap), TARGET),
    row(`DOM nodes, after warm-up (${ends})`, 'count', first.map(nodes)),
    row(`DOM nodes, at the end (${ends})`, 'count', last.map(nodes)),
    row('DOM node growth after warm-up', '%', growth(nodes), TARGET),
    row('console errors', 'count', [problems.filter((p) => p.kind === 'console').length]),
    row('uncaught exceptions and dialogs', 'count', [
      problems.filter((p) => p.kind !== 'console').length,
    ]),
  ];
}

function distinctProblems(problems: readonly PageProblem[]): SoakDetails['problems'] {
  const byText = new Map<string, { kind: PageProblem['kind']; text: string; count: number }>();
  for (const { kind, text } of problems) {
    const key = `${kind} ${text}`;
    const seen = byText.get(key);
    if (seen) seen.count += 1;
    else byText.set(key, { kind, text, count: 1 });
  }
  return [...byText.values()];
}

/**
 * Samples from now until the plan's duration has passed, on the interval's grid: a sample that
 * takes longer than the interval (a busy renderer answers late) skips the grid points it
 * missed, and the last sample is taken once the duration is reached, so that the run's wall
 * time stays what the plan says however slow the page is.
 */
async function sampleSeries(
  page: Page,
  metrics: PageMetricsProbe,
  plan: SoakPlan,
  signal: AbortSignal,
  log: (line: string) => void,
): Promise<SoakSample[]> {
  const series: SoakSample[] = [];
  const started = performance.now();
  const intervalMs = plan.intervalS * 1000;
  const durationMs = plan.durationS * 1000;
  for (;;) {
    signal.throwIfAborted();
    const at = performance.now();
    // Side by side: the clock is answered by the demo backend's worker, busy at ×3600, while
    // the collections run on the page's main thread.
    const [{ heapMB, domNodes, eventListeners }, clock] = await Promise.all([
      metrics.sample(),
      readClock(page),
    ]);
    const done = performance.now();
    const sample: SoakSample = {
      wallS: (at - started) / 1000,
      simulatedTime: new Date(clock.timeMs).toISOString(),
      heapMB,
      domNodes,
      eventListeners,
      sampleMs: done - at,
    };
    series.push(sample);
    log(
      `soak: sample ${series.length} at ${sample.wallS.toFixed(0)} s (took ${(sample.sampleMs / 1000).toFixed(1)} s): ${sample.simulatedTime}, heap ${heapMB.toFixed(1)} MB, ${domNodes} DOM nodes`,
    );
    const elapsed = done - started;
    if (elapsed >= durationMs) return series;
    const next = Math.min(durationMs, Math.ceil(elapsed / intervalMs) * intervalMs);
    if (next > elapsed) await sleep(next - elapsed, undefined, { signal });
  }
}

export async function runSoakSuite(
  plan: SoakPlan,
  log: (line: string) => void,
): Promise<SoakResult> {
  log(
    `soak: ${(plan.durationS / 60).toFixed(1)} min at ×${plan.speed}, a sample every ${plan.intervalS} s, ${VIEWPORT.width}×${VIEWPORT.height}, ${PAGE_PATH}`,
  );
  const stop = interruption();
  try {
    return await withServedPage(
      { path: PAGE_PATH, viewport: VIEWPORT, log },
      async ({ page, problems }) => {
        const metrics = await attachPageMetrics(page);
        try {
          await runClockAt(page, plan.speed);
          const series = await sampleSeries(page, metrics, plan, stop.signal, log);
          const found = distinctProblems(problems);
          for (const { kind, text, count } of found.slice(0, 10))
            log(`soak: page ${kind} (×${count}): ${text.slice(0, 300)}`);
          return {
            measurements: soakMeasurements(plan, series, problems),
            details: { path: PAGE_PATH, viewport: VIEWPORT, plan, series, problems: found },
          };
        } finally {
          await metrics.detach();
        }
      },
    );
  } finally {
    stop.release();
  }
}
