/**
 * The demo backend in the browser: a service worker (public/mockServiceWorker.js) answers the
 * app's API requests from the simulated city, so the demo runs the real HTTP adapter. Faults can
 * be injected at start (`?mockFaults=...`) or at run time through `window.__cityopsMock.faults`.
 */
import { setupWorker } from 'msw/browser';
import { generateCity } from './city/generate-city';
import type { CityScale } from './city/scale';
import { createFaults, type Faults } from './faults';
import { createHandlers } from './handlers/create-handlers';

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
  stop(): void;
}

declare global {
  interface Window {
    /** Hook for browser tests and the console: inject and clear faults while the app runs. */
    __cityopsMock?: { faults: Faults };
  }
}

export async function startMockWorker({
  apiBaseUrl,
  seed,
  scale,
  faults: spec,
}: MockWorkerOptions): Promise<MockWorkerController> {
  const city = generateCity({ seed, scale });
  const faults = createFaults(spec);
  const worker = setupWorker(
    ...createHandlers({ baseUrl: apiBaseUrl, city, now: Date.now, faults }),
  );
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  window.__cityopsMock = { faults };
  return {
    faults,
    stop: () => {
      worker.stop();
      delete window.__cityopsMock;
    },
  };
}
