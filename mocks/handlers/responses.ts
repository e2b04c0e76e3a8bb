/** Responses of the demo backend. Nothing is cacheable: live data must never come from a cache. */
import { HttpResponse } from 'msw';

const NO_STORE = { 'Cache-Control': 'no-store' } as const;

export type ErrorCode =
  'bad_request' | 'not_found' | 'no_live_state' | 'forbidden' | 'conflict' | 'internal' | 'timeout';

/** The body of every error: `{ "error": { "code", "message" } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** A response whose body is already serialised (large collections are serialised once). */
export function rawJsonResponse(body: string, status = 200): Response {
  return new HttpResponse(body, {
    status,
    headers: { ...NO_STORE, 'Content-Type': 'application/json' },
  });
}

const serialised = new WeakMap<object, string>();

/** JSON of an immutable value, serialised once however often it is served. */
export function jsonResponse(body: object, status = 200): Response {
  let text = serialised.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    serialised.set(body, text);
  }
  return rawJsonResponse(text, status);
}

/** JSON of a value built for this one response. */
export function freshJsonResponse(body: object, status = 200): Response {
  return rawJsonResponse(JSON.stringify(body), status);
}

export function errorResponse(status: number, code: ErrorCode, message: string): Response {
  const body: ErrorBody = { error: { code, message } };
  return freshJsonResponse(body, status);
}

/** A refused alarm action: the error, and the alarm as it stands now, to show what changed. */
export function alarmConflictResponse(message: string, alarm: object): Response {
  const error: ErrorBody['error'] = { code: 'conflict', message };
  return freshJsonResponse({ error, alarm }, 409);
}
