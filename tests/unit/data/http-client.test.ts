/**
 * The request's deadline against a fetch that behaves as a browser's does: aborting its signal
 * ends a body that is still arriving (msw/node's does not, see tests/integration/http-adapter).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { requestBytes, requestJson } from '../../../src/data/http-client';
import { adapterFailure } from '../../helpers/adapter-failure';

/** A fetch answering at once with `parts`, one every `gapMs`; its body ends with the signal. */
function browserLikeFetch(parts: readonly string[], gapMs: number) {
  return (_url: string, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? new AbortController().signal;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        signal.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        parts.forEach((part, i) =>
          setTimeout(() => {
            if (signal.aborted) return;
            controller.enqueue(encoder.encode(part));
            if (i === parts.length - 1) controller.close();
          }, i * gapMs),
        );
      },
    });
    return Promise.resolve(new Response(body, { status: 200 }));
  };
}

describe('a request’s deadline', () => {
  afterEach(() => vi.useRealTimers());

  it('is for the answer to begin; all of it may take ten times as long', async () => {
    const json = JSON.stringify({ ok: true, padding: 'x'.repeat(160) });
    const parts = json.match(/.{1,12}/g) ?? [];
    // 16 parts, one every 100 ms, on the real clock: in all longer than the 1 s timeout (with
    // room for a busy machine's late timers).
    const answer = await requestJson({
      url: 'http://source.test/state',
      resource: 'state',
      schema: z.object({ ok: z.boolean() }),
      fetch: browserLikeFetch(parts, 100),
      timeoutMs: 1_000,
    });
    expect(answer).toEqual({ ok: true });
  });

  it('ends an answer that stops arriving after ten timeouts, saying so', async () => {
    vi.useFakeTimers();
    const pending = adapterFailure(
      requestBytes({
        url: 'http://source.test/tile',
        resource: 'tile',
        fetch: browserLikeFetch(['abc', 'def'], 60_000),
        timeoutMs: 1_000,
      }),
    );
    await vi.advanceTimersByTimeAsync(9_000);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled, 'still waiting within ten timeouts').toBe(false);
    await vi.advanceTimersByTimeAsync(1_500);
    const error = await pending;
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('tile: answer not complete within 10 s');
  });
});
