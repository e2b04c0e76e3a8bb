/**
 * The demo backend as a standalone HTTP server on 127.0.0.1: one world (city, clock, event log)
 * shared by every screen that points its runtime config at it, e.g.
 * `{ "apiBaseUrl": "http://127.0.0.1:8787/api/v1", "mock": { "enabled": false } }`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CityScale } from '../city/scale';
import { createFaults, type Faults } from '../faults';
import { createHandlers } from '../handlers/create-handlers';
import { createWorld, type World } from '../sim/engine/world';
import { createHttpBridge, INTERNAL_ORIGIN } from './http-bridge';

export const API_PATH = '/api/v1';

export interface StandaloneServerOptions {
  readonly seed: number;
  readonly scale: CityScale;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
  /** Wall time for the world's clock (tests pass a fixed one). */
  readonly wallNow?: () => number;
  readonly world?: World;
  readonly faults?: string;
  /** Clock control and scenario triggers; default true. */
  readonly demo?: boolean;
}

export interface StandaloneServer {
  /** e.g. `http://127.0.0.1:8787/api/v1`. */
  readonly apiBaseUrl: string;
  readonly world: World;
  readonly faults: Faults;
  close(): Promise<void>;
}

export async function startStandaloneServer(
  options: StandaloneServerOptions,
): Promise<StandaloneServer> {
  const host = options.host ?? '127.0.0.1';
  const wallNow = options.wallNow ?? Date.now;
  const world = options.world ?? createWorld({ seed: options.seed, scale: options.scale, wallNow });
  const faults = createFaults(options.faults);
  const handlers = createHandlers({
    baseUrl: `${INTERNAL_ORIGIN}${API_PATH}`,
    city: world.city,
    now: wallNow,
    faults,
    world,
    demo: options.demo ?? true,
  });
  const server: Server = createServer(createHttpBridge(handlers));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    apiBaseUrl: `http://${host}:${port}${API_PATH}`,
    world,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Open event streams would keep the server up: cut them.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
