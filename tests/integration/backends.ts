/**
 * The demo backend as the integration tests reach it: the MSW handlers under msw/node, or the
 * standalone HTTP server, each with a world at a fixed wall time and a read-only twin (the same
 * world outside demo mode).
 */
import { generateCity } from '../../mocks/city/generate-city';
import { createFaults, type Faults } from '../../mocks/faults';
import { createHandlers } from '../../mocks/handlers/create-handlers';
import { createMockServer } from '../../mocks/node';
import { startStandaloneServer, type StandaloneServer } from '../../mocks/server/standalone-server';
import { createWorld, type World } from '../../mocks/sim/engine/world';

export const NOW = Date.parse('2026-01-15T08:30:00+08:00');
const city = generateCity({ seed: 42, scale: 'town' });

export interface Backend {
  readonly name: string;
  /** Filled in by start(). */
  baseUrl: string;
  /** The same world outside demo mode. */
  readOnlyBaseUrl: string;
  faults: Faults;
  world: World;
  start(): Promise<void>;
  stop(): Promise<void>;
}

function newWorld(): World {
  return createWorld({ seed: 42, scale: 'town', city, wallNow: () => NOW });
}

export function mswBackend(): Backend {
  const world = newWorld();
  const baseUrl = 'http://cityops.test/api/v1';
  const readOnlyBaseUrl = 'http://cityops-readonly.test/api/v1';
  const mock = createMockServer({ baseUrl, seed: 42, scale: 'town', now: () => NOW, world });
  mock.server.use(
    ...createHandlers({
      baseUrl: readOnlyBaseUrl,
      city,
      now: () => NOW,
      faults: createFaults(),
      world,
      demo: false,
    }),
  );
  return {
    name: 'msw/node',
    baseUrl,
    readOnlyBaseUrl,
    faults: mock.faults,
    world,
    start: () => Promise.resolve(mock.server.listen({ onUnhandledRequest: 'error' })),
    stop: () => Promise.resolve(mock.server.close()),
  };
}

export function standaloneBackend(): Backend {
  const world = newWorld();
  let servers: StandaloneServer[] = [];
  const backend: Backend = {
    name: 'standalone server',
    baseUrl: '',
    readOnlyBaseUrl: '',
    faults: createFaults(),
    world,
    async start() {
      const common = { seed: 42, scale: 'town' as const, port: 0, wallNow: () => NOW, world };
      servers = [
        await startStandaloneServer(common),
        await startStandaloneServer({ ...common, demo: false }),
      ];
      backend.baseUrl = servers[0]!.apiBaseUrl;
      backend.readOnlyBaseUrl = servers[1]!.apiBaseUrl;
      backend.faults = servers[0]!.faults;
    },
    stop: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
  return backend;
}
