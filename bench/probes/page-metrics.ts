/**
 * What a page holds in memory, read over the Chrome DevTools Protocol: after a forced garbage
 * collection, the main thread's JS heap in use and the number of DOM nodes alive (Chromium's
 * `Performance.getMetrics`). Workers have heaps of their own and are not counted here.
 */
import type { CDPSession, Page } from 'playwright-core';
import { withinTimeout } from './within-timeout';

export interface PageMetrics {
  /** `JSHeapUsedSize` after collection, in MiB. */
  readonly heapMB: number;
  /** `Nodes`: DOM nodes alive (detached ones still referenced included). */
  readonly domNodes: number;
  /** `JSEventListeners`: kept with the series, a common companion of a leak. */
  readonly eventListeners: number;
}

export interface PageMetricsProbe {
  /** Forces a full garbage collection, then reads the metrics. */
  sample(): Promise<PageMetrics>;
  detach(): Promise<void>;
}

/** Long enough for a collection on a page that needs a second per frame in software WebGL. */
const CALL_TIMEOUT_MS = 120_000;

function metric(metrics: readonly { name: string; value: number }[], name: string): number {
  const found = metrics.find((m) => m.name === name);
  if (!found) throw new Error(`Performance.getMetrics has no ${name}`);
  return found.value;
}

export async function attachPageMetrics(page: Page): Promise<PageMetricsProbe> {
  const session: CDPSession = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return {
    async sample() {
      // Twice: objects freed by the first collection's finalizers go in the second.
      for (let k = 0; k < 2; k++)
        await withinTimeout(
          'HeapProfiler.collectGarbage',
          CALL_TIMEOUT_MS,
          session.send('HeapProfiler.collectGarbage'),
        );
      const { metrics } = await withinTimeout(
        'Performance.getMetrics',
        CALL_TIMEOUT_MS,
        session.send('Performance.getMetrics'),
      );
      return {
        heapMB: metric(metrics, 'JSHeapUsedSize') / 2 ** 20,
        domNodes: metric(metrics, 'Nodes'),
        eventListeners: metric(metrics, 'JSEventListeners'),
      };
    },
    async detach() {
      await session.detach().catch(() => undefined);
    },
  };
}
