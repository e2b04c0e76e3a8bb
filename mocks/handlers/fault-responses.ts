/** What a resource answers while a fault is set on it (see mocks/faults.ts). */
import { HttpResponse } from 'msw';
import type { Position } from '../../src/data/schemas';
import type { FaultKind } from '../faults';
import { hostileBody, type ResponseShape } from './hostile-bodies';
import { errorResponse, rawJsonResponse } from './responses';

/** A request left hanging is answered after this long at the latest. */
export const TIMEOUT_CAP_MS = 120_000;

/** Truncated JSON with markup after it: what a broken proxy may send with a 200. */
const GARBAGE =
  '{"type":"FeatureCollection","features":[{"type":"Feat\u0000<html><body>502 Bad Gateway</body></html>';

export async function faultResponse(
  fault: FaultKind,
  shape: ResponseShape,
  request: Request,
  at: Position,
): Promise<Response> {
  switch (fault) {
    case '500':
      return errorResponse(500, 'internal', 'injected fault: internal server error');
    case 'garbage':
      return shape === 'stream' ? eventStream(`data: ${GARBAGE}\n\n`) : rawJsonResponse(GARBAGE);
    case 'hostile':
      return shape === 'stream'
        ? eventStream(`event: state\ndata: ${hostileBody(shape, at)}\n\n`)
        : rawJsonResponse(hostileBody(shape, at));
    case 'offline':
      return HttpResponse.error();
    case 'timeout': {
      const outcome = await untilAborted(request.signal, TIMEOUT_CAP_MS);
      return outcome === 'aborted'
        ? HttpResponse.error()
        : errorResponse(504, 'timeout', 'injected fault: no answer within the cap');
    }
  }
}

/** A finished event stream: the events, then the end (the client reconnects after `retry`). */
function eventStream(events: string): Response {
  return new HttpResponse(`retry: 3000\n\n${events}`, {
    headers: { 'Cache-Control': 'no-store', 'Content-Type': 'text/event-stream' },
  });
}

/** Resolves when the signal aborts, or after `capMs`, whichever comes first. */
function untilAborted(signal: AbortSignal, capMs: number): Promise<'aborted' | 'cap'> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve('aborted');
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve('aborted');
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve('cap');
    }, capMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
