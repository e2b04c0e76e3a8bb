import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../../../mocks/browser-backend/protocol';
import { createWorkerBridge } from '../../../mocks/browser-backend/worker-bridge';

/** A stand-in for the backend worker: records what the page posts and answers on demand. */
function fakeWorker() {
  const posted: ToWorker[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<FromWorker>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    postMessage: (message: ToWorker) => posted.push(message),
    terminate: () => undefined,
  };
  const answer = (message: FromWorker) =>
    worker.onmessage?.({ data: message } as MessageEvent<FromWorker>);
  return { worker: worker as unknown as Worker, posted, answer, fail: worker };
}

const START = { apiBaseUrl: 'http://x.test/api/v1', seed: 1, scale: 'town', pageNow: 5 } as const;

describe('the page side of the demo backend worker', () => {
  it('starts the world, then forwards requests and returns the worker’s answers', async () => {
    const { worker, posted, answer } = fakeWorker();
    const bridge = createWorkerBridge(worker, START);
    expect(posted[0]).toMatchObject({ kind: 'start', seed: 1, scale: 'town', pageNow: 5 });
    const pending = bridge.forward(
      new Request('http://x.test/api/v1/scenarios/rainstorm/runs', {
        method: 'POST',
        body: '{"at":null}',
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    const request = posted.find((m) => m.kind === 'request');
    expect(request).toMatchObject({
      method: 'POST',
      url: 'http://x.test/api/v1/scenarios/rainstorm/runs',
    });
    if (request?.kind !== 'request') throw new Error('no request posted');
    expect(new TextDecoder().decode(request.body!)).toBe('{"at":null}');
    answer({
      kind: 'response',
      id: request.id,
      status: 201,
      statusText: 'Created',
      headers: [['content-type', 'application/json']],
      body: new Response('{"ok":true}').body,
    });
    const response = await pending;
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('mirrors faults to the worker in the order they are set', () => {
    const { worker, posted } = fakeWorker();
    const bridge = createWorkerBridge(worker, { ...START, faults: 'fire.hydrants:500' });
    bridge.faults.set('traffic.roads', 'garbage');
    bridge.faults.clear('fire.hydrants');
    const faults = posted.filter((m) => m.kind === 'faults').map((m) => m.entries);
    expect(faults).toEqual([
      [['fire.hydrants', '500']],
      [
        ['fire.hydrants', '500'],
        ['traffic.roads', 'garbage'],
      ],
      [['traffic.roads', 'garbage']],
    ]);
    expect(() => bridge.faults.set('x', 'nonsense' as '500')).toThrow(/unknown fault/);
  });

  it('answers every request with the contract’s error when the worker cannot run', async () => {
    const { worker, fail } = fakeWorker();
    const bridge = createWorkerBridge(worker, START);
    const pending = bridge.forward(new Request('http://x.test/api/v1/catalog'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    fail.onerror?.({
      message: 'SyntaxError: bad chunk',
      preventDefault: () => undefined,
    } as ErrorEvent);
    for (const response of [pending, bridge.forward(new Request('http://x.test/api/v1/areas'))]) {
      const answered = await response;
      expect(answered.status).toBe(500);
      expect(await answered.json()).toMatchObject({
        error: { code: 'internal', message: expect.stringContaining('bad chunk') },
      });
    }
    await expect(bridge.ready).rejects.toThrow(/bad chunk/);
  });

  it('turns the offline fault into a network error', async () => {
    const { worker, posted, answer } = fakeWorker();
    const bridge = createWorkerBridge(worker, START);
    const pending = bridge.forward(new Request('http://x.test/api/v1/catalog'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    const request = posted.find((m) => m.kind === 'request')!;
    answer({ kind: 'network-error', id: (request as { id: number }).id });
    expect((await pending).type).toBe('error');
  });
});
