/**
 * The wall's watchdog: a page that has stopped drawing (its render loop stalled) or stopped
 * receiving anything from its sources (requests hanging, neither answered nor failing) for longer
 * than the threshold reloads itself. The URL holds the view, so the reload comes back to it. A
 * source that answers with errors is not a stall: its layers show stale, and reloading would not
 * bring it back.
 */
import { onlineManager, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

const CHECK_MS = 2_000;

export interface WatchdogVerdict {
  readonly stalled: boolean;
  readonly reason: 'frames' | 'data' | null;
}

/** Pure: whether the page is stalled, from when it last drew and last heard from a source. */
export function watchdogVerdict(
  now: number,
  lastFrame: number,
  lastData: number,
  thresholdMs: number,
): WatchdogVerdict {
  if (now - lastFrame > thresholdMs) return { stalled: true, reason: 'frames' };
  if (now - lastData > thresholdMs) return { stalled: true, reason: 'data' };
  return { stalled: false, reason: null };
}

/**
 * `armed`: only once the page has shown data (a slow start is not a stall, and a page that
 * cannot start would otherwise reload for ever).
 */
export function useWatchdog(
  thresholdMs: number,
  armed: boolean,
  onStall: (reason: 'frames' | 'data') => void,
): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!armed) return;
    let lastFrame = performance.now();
    let lastData = performance.now();
    let frame = 0;
    const beat = () => {
      lastFrame = performance.now();
      frame = window.requestAnimationFrame(beat);
    };
    frame = window.requestAnimationFrame(beat);
    // Any answer counts, an error as much as data: it shows the page and the network are alive.
    const unsubscribe = client.getQueryCache().subscribe((event) => {
      if (
        event.type === 'updated' &&
        (event.action.type === 'success' || event.action.type === 'error')
      )
        lastData = performance.now();
    });
    const timer = window.setInterval(() => {
      const verdict = watchdogVerdict(performance.now(), lastFrame, lastData, thresholdMs);
      if (verdict.reason) onStall(verdict.reason);
    }, CHECK_MS);
    return () => {
      window.cancelAnimationFrame(frame);
      window.clearInterval(timer);
      unsubscribe();
    };
  }, [client, thresholdMs, armed, onStall]);
}

/**
 * Reloads the page having let go of its reads first: no new read starts (the query cache is
 * told it is offline) and those under way are cancelled. A read caught by the reload would
 * otherwise end in a failure logged by the page that is going away, or reach the network
 * behind a mock backend's back as the page unloads.
 */
export function reloadPage(client: QueryClient): void {
  onlineManager.setOnline(false);
  void client.cancelQueries().finally(() => window.location.reload());
}
