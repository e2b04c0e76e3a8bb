/**
 * The demo backend in the browser: a service worker (public/mockServiceWorker.js) catches the
 * app's API requests, and a dedicated worker answers them from the simulated city, so the demo
 * runs the real HTTP adapter while generating and stepping the world stays off the page's main
 * thread. Faults can be injected at start (`?mockFaults=...`) or at run time through
 * `window.__cityopsMock.faults`. One page holds one world: screens that must share a world use
 * the standalone server (`npm run mock-server`).
 */
import { http } from 'msw';
import { setupWorker } from 'msw/browser';
import type { CityScale } from './city/scale';
import type { Faults } from './faults';
import type { ReadyMessage } from './browser-backend/protocol';
import { createWorkerBridge } from './browser-backend/worker-bridge';

export interface MockWorkerOptions {
  /** Absolute base URL of the API the app calls. */
  readonly apiBaseUrl: string;
  readonly seed: number;
  readonly scale: CityScale;
  /** Initial faults, e.g. `fire.hydrants:500,traffic.roads:garbage`. */
  readonly faults?: string | undefined;
}

export interface MockWorkerController {
  readonly faults: Faults;
  /** Resolves once the world is built, with what it cost; rejects if it could not be. */
  readonly ready: Promise<ReadyMessage>;
  stop(): void;
}

const WORKER_SCRIPT = '/mockServiceWorker.js';

/**
 * MSW checks the registered service worker for an update on every load and does not wait for
 * the check: when the script cannot be fetched then (a network hiccup during a reload), the
 * rejection goes unhandled. The registered worker goes on serving, and the check is made again
 * on the next load, so that failure is only worth a warning.
 */
function ignoreFailedWorkerUpdate(event: PromiseRejectionEvent): void {
  const { reason } = event;
  if (
    !(reason instanceof Error) ||
    !reason.message.startsWith('Failed to update a ServiceWorker') ||
    !reason.message.includes(WORKER_SCRIPT)
  )
    return;
  event.preventDefault();
  console.warn(`The demo backend's service worker was not updated: ${reason.message}`);
}

declare global {
  interface Window {
    /** Hook for browser tests, the benchmarks and the console. */
    __cityopsMock?: { faults: Faults; ready: Promise<ReadyMessage> };
  }
}

export async function startMockWorker({
  apiBaseUrl,
  seed,
  scale,
  faults: spec,
}: MockWorkerOptions): Promise<MockWorkerController> {
  const bridge = createWorkerBridge(
    new Worker(new URL('./browser-backend/backend.worker.ts', import.meta.url), {
      type: 'module',
      name: 'cityops-demo-backend',
    }),
    { apiBaseUrl, seed, scale, pageNow: Date.now(), faults: spec },
  );
  const base = apiBaseUrl.replace(/\/+$/, '');
  window.addEventListener('unhandledrejection', ignoreFailedWorkerUpdate);
  // A regular expression, not a path pattern: MSW compiles a pattern anew for every request it
  // sees, and that was a good share of the page's main thread while the city streams.
  const apiRequest = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`);
  const worker = setupWorker(http.all(apiRequest, ({ request }) => bridge.forward(request)));
  await worker.start({
    serviceWorker: { url: WORKER_SCRIPT },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  const { faults, ready } = bridge;
  window.__cityopsMock = { faults, ready };
  return {
    faults,
    ready,
    stop: () => {
      worker.stop();
      bridge.terminate();
      window.removeEventListener('unhandledrejection', ignoreFailedWorkerUpdate);
      delete window.__cityopsMock;
    },
  };
}
