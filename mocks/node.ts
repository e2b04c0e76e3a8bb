/**
 * The demo backend in node (tests, fixture generation): MSW intercepts `fetch` to the base URL.
 * The server is returned unstarted; call `server.listen({ onUnhandledRequest: 'error' })`.
 */
import { setupServer, type SetupServer } from 'msw/node';
import { generateCity, type CityModel } from './city/generate-city';
import type { CityScale } from './city/scale';
import { createFaults, type Faults } from './faults';
import { createHandlers } from './handlers/create-handlers';

export interface MockServerOptions {
  /** Absolute base URL, e.g. `http://cityops.test/api/v1`. */
  readonly baseUrl: string;
  readonly seed: number;
  readonly scale: CityScale;
  /** The simulation clock; pass a constant for reproducible responses. */
  readonly now: () => number;
}

export interface MockServer {
  readonly server: SetupServer;
  readonly faults: Faults;
  readonly city: CityModel;
}

export function createMockServer({ baseUrl, seed, scale, now }: MockServerOptions): MockServer {
  const city = generateCity({ seed, scale });
  const faults = createFaults();
  const server = setupServer(...createHandlers({ baseUrl, city, now, faults }));
  return { server, faults, city };
}
