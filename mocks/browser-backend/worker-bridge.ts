/**
 * The page's side of the demo backend's worker: forwards a caught API request to the worker and
 * turns its answer back into a `Response`. If the worker cannot run at all, every request gets
 * the contract's error body, so the app shows the failure where the user looks.
 */
import { createFaults, type Faults } from '../faults';
import { errorResponse } from '../handlers/responses';
import type { FromWorker, ReadyMessage, StartMessage, ToWorker } from './protocol';

export interface WorkerBridge {
  forward(request: Request): Promise<Response>;
  /** Faults set here apply to every request forwarded after the call. */
  readonly faults: Faults;
  /** Resolves once the world is built (with its cost), rejects if it could not be. */
  readonly ready: Promise<ReadyMessage>;
  terminate(): void;
}

export interface WorkerBridgeOptions extends Omit<StartMessage, 'kind'> {
  readonly faults?: string | undefined;
}

export function createWorkerBridge(worker: Worker, options: WorkerBridgeOptions): WorkerBridge {
  const pending = new Map<number, (response: Response) => void>();
  let nextId = 1;
  let failure: string | null = null;
  const post = (message: ToWorker, transfer: Transferable[] = []): void =>
    worker.postMessage(message, transfer);

  let settleReady: { resolve(ready: ReadyMessage): void; reject(error: Error): void };
  const ready = new Promise<ReadyMessage>((resolve, reject) => (settleReady = { resolve, reject }));
  // Nobody has to wait for it; a failure is reported through every request.
  ready.catch(() => undefined);

  const fail = (message: string): void => {
    failure = message;
    settleReady.reject(new Error(message));
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve(errorResponse(500, 'internal', message));
    }
  };

  worker.onmessage = ({ data: message }: MessageEvent<FromWorker>) => {
    switch (message.kind) {
      case 'ready':
        settleReady.resolve(message);
        break;
      case 'failed':
        settleReady.reject(new Error(message.message));
        break;
      case 'network-error':
        pending.get(message.id)?.(Response.error());
        pending.delete(message.id);
        break;
      case 'response': {
        const noBody = message.status === 204 || message.status === 304;
        pending.get(message.id)?.(
          new Response(noBody ? null : message.body, {
            status: message.status,
            statusText: message.statusText,
            headers: message.headers as [string, string][],
          }),
        );
        pending.delete(message.id);
        break;
      }
    }
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`the demo backend's worker failed: ${event.message || 'it could not be loaded'}`);
  };

  const { faults: spec, ...start } = options;
  post({ kind: 'start', ...start });

  const localFaults = createFaults(spec);
  const sync = (): void => post({ kind: 'faults', entries: localFaults.entries() });
  const faults: Faults = {
    ...localFaults,
    set: (target, fault) => (localFaults.set(target, fault), sync()),
    clear: (target) => (localFaults.clear(target), sync()),
    clearAll: () => (localFaults.clearAll(), sync()),
    parse: (text) => (localFaults.parse(text), sync()),
  };
  sync();

  return {
    faults,
    ready,
    forward: async (request) => {
      if (failure !== null) return errorResponse(500, 'internal', failure);
      const id = nextId++;
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
      const answered = new Promise<Response>((resolve) => pending.set(id, resolve));
      request.signal.addEventListener('abort', () => post({ kind: 'abort', id }), { once: true });
      post(
        {
          kind: 'request',
          id,
          method: request.method,
          url: request.url,
          headers: [...request.headers],
          body,
        },
        body ? [body] : [],
      );
      return answered;
    },
    terminate: () => {
      worker.terminate();
      fail('the demo backend was stopped');
    },
  };
}
