/**
 * The demo backend's world, off the page's main thread: generating the city (seconds at the
 * large presets) and evaluating the simulation run here, and the page's service-worker hook
 * forwards each API request to this worker (see ./protocol.ts).
 */
// First: MSW needs its stand-in storage while it loads.
import './worker-storage';
import type { RequestHandler } from 'msw';
import { createFaults, type Faults } from '../faults';
import { answer } from '../handlers/answer';
import { createHandlers } from '../handlers/create-handlers';
import { errorResponse } from '../handlers/responses';
import { createWorld } from '../sim/engine/world';
import type { FromWorker, RequestMessage, StartMessage, ToWorker } from './protocol';

/** The parts of a dedicated worker's global scope used here (the project compiles with DOM types). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;

type Backend =
  | { readonly ok: true; readonly handlers: readonly RequestHandler[]; readonly faults: Faults }
  | { readonly ok: false; readonly message: string };

let backend: Backend = { ok: false, message: 'the demo backend has not started' };
/** Requests still waiting for their answer, so that the page can abort them. */
const inFlight = new Map<number, AbortController>();

function start(message: StartMessage): void {
  const began = performance.now();
  try {
    const offsetMs = message.pageNow - Date.now();
    const wallNow = (): number => Date.now() + offsetMs;
    const world = createWorld({ seed: message.seed, scale: message.scale, wallNow });
    const faults = createFaults();
    const handlers = createHandlers({
      baseUrl: message.apiBaseUrl,
      city: world.city,
      now: wallNow,
      faults,
      world,
    });
    backend = { ok: true, handlers, faults };
    const { city } = world;
    scope.postMessage({
      kind: 'ready',
      startMs: performance.now() - began,
      counts: {
        roadSegments: city.roadSegments.length,
        pipes: city.pipes.length,
        pipeNodes: city.pipeNodes.length,
        buildings: city.buildings.length,
        hydrants: city.hydrants.length,
      },
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    backend = { ok: false, message: `the demo backend failed to start: ${text}` };
    scope.postMessage({ kind: 'failed', message: backend.message });
  }
}

async function respond(message: RequestMessage): Promise<void> {
  const aborter = new AbortController();
  inFlight.set(message.id, aborter);
  let response: Response;
  try {
    response = backend.ok
      ? await answer(
          backend.handlers,
          new Request(message.url, {
            method: message.method,
            headers: message.headers as [string, string][],
            body: message.body,
            signal: aborter.signal,
          }),
        )
      : errorResponse(500, 'internal', backend.message);
  } catch (error) {
    console.error('demo backend: request failed', error);
    response = errorResponse(500, 'internal', 'the demo backend failed on this request');
  } finally {
    inFlight.delete(message.id);
  }
  if (response.type === 'error') {
    scope.postMessage({ kind: 'network-error', id: message.id });
    return;
  }
  const { body } = response;
  scope.postMessage(
    {
      kind: 'response',
      id: message.id,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body,
    },
    body ? [body] : [],
  );
}

scope.onmessage = ({ data: message }) => {
  switch (message.kind) {
    case 'start':
      start(message);
      break;
    case 'request':
      void respond(message);
      break;
    case 'abort':
      inFlight.get(message.id)?.abort();
      break;
    case 'faults':
      if (!backend.ok) break;
      backend.faults.clearAll();
      for (const [target, fault] of message.entries) backend.faults.set(target, fault);
      break;
  }
};
