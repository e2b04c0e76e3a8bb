/**
 * The demo backend in the browser: a service worker (public/mockServiceWorker.js) answers the
 * app's API requests from the simulated city, so the demo runs the real HTTP adapter. Faults can
 * be injected at start (`?mockFaults=...`) or at run time through `window.__cityopsMock.faults`;
 * the simulated world (clock, event log) is at `window.__cityopsMock.world`. One page holds one
 * world: screens that must share a world use the standalone server (`npm run mock-server`).
 */
import { setupWorker } from 'msw/browser';
import type { CityScale } from './city/scale';
import { createFaults, type Faults } from './faults';
import { createHandlers } from './handlers/create-handlers';
import { createWorld, type World } from './sim/engine/world';

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
  readonly world: World;
  stop(): void;
}

declare global {
  interface Window {
    /** Hook for browser tests and the console: inject and clear faults while the app runs. */
    __cityopsMock?: { faults: Faults; world: World };
  }
}

export async function startMockWorker({
  apiBaseUrl,
  seed,
  scale,
  faults: spec,
}: MockWorkerOptions): Promise<MockWorkerController> {
  const world = createWorld({ seed, scale, wallNow: Date.now });
  const faults = createFaults(spec);
  const worker = setupWorker(
    ...createHandlers({ baseUrl: apiBaseUrl, city: world.city, now: Date.now, faults, world }),
  );
  await worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  window.__cityopsMock = { faults, world };
  return {
    faults,
    world,
    stop: () => {
      worker.stop();
      delete window.__cityopsMock;
    },
  };
}
