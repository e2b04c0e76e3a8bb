/**
 * The demo backend in node (tests, fixture generation): MSW intercepts `fetch` to the base URL.
 * The server is returned unstarted; call `server.listen({ onUnhandledRequest: 'error' })`.
 */
import { setupServer, type SetupServer } from 'msw/node';
import type { CityModel } from './city/generate-city';
import type { CityScale } from './city/scale';
import { createFaults, type Faults } from './faults';
import { createHandlers } from './handlers/create-handlers';
import type { StreamOptions } from './handlers/stream-handler';
import { createWorld, type World } from './sim/engine/world';

export interface MockServerOptions {
  /** Absolute base URL, e.g. `http://cityops.test/api/v1`. */
  readonly baseUrl: string;
  readonly seed: number;
  readonly scale: CityScale;
  /** Wall time for the simulation clock; pass a constant for reproducible responses. */
  readonly now: () => number;
  /** A world to serve (shared with another server, or with its own models); by default a new one. */
  readonly world?: World;
  /** Clock control and scenario triggers; default true. */
  readonly demo?: boolean;
  readonly stream?: StreamOptions;
}

export interface MockServer {
  readonly server: SetupServer;
  readonly faults: Faults;
  readonly city: CityModel;
  readonly world: World;
}

export function createMockServer(options: MockServerOptions): MockServer {
  const { baseUrl, seed, scale, now } = options;
  const world = options.world ?? createWorld({ seed, scale, wallNow: now });
  const faults = createFaults();
  const server = setupServer(
    ...createHandlers({
      baseUrl,
      city: world.city,
      now,
      faults,
      world,
      ...(options.demo === undefined ? {} : { demo: options.demo }),
      ...(options.stream ? { stream: options.stream } : {}),
    }),
  );
  return { server, faults, city: world.city, world };
}
