/**
 * Requests to sources with the contract's failure rules: a deadline (for the answer to begin, and
 * a longer one for all of it), the caller's abort, and every way a source can fail (unreachable,
 * non-2xx, not JSON, wrong shape) turned into an AdapterError.
 * JSON and raw bytes (vector tiles) share one exchange, so they fail alike.
 */
import type { z } from 'zod';
import { AdapterError } from './errors';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** What every request to a source says: where, about what, and within which limits. */
export interface SourceRequest {
  url: string;
  resource: string;
  fetch: FetchLike;
  timeoutMs: number;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface JsonRequest<S extends z.ZodType, T = z.output<S>> extends SourceRequest {
  schema: S;
  /** A JSON body makes it a POST. */
  body?: unknown;
  /**
   * Decodes a successful response's bytes instead of parsing and checking them here against
   * `schema` (e.g. off the main thread, with the same schema); the bytes are handed over.
   */
  decode?: (bytes: ArrayBuffer) => Promise<Decoded<T>>;
}

/** What a `decode` makes of a response: the value, or why there is none. */
export type Decoded<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: 'not-json' }
  | { readonly ok: false; readonly reason: 'invalid'; readonly summary: string };

/** How much of a message from a source we are willing to show. */
const MAX_MESSAGE = 200;

export async function requestJson<S extends z.ZodType, T = z.output<S>>(
  request: JsonRequest<S, T>,
): Promise<T> {
  const post = request.body !== undefined;
  const init: RequestInit = {
    method: post ? 'POST' : 'GET',
    headers: {
      Accept: 'application/json',
      ...(post ? { 'Content-Type': 'application/json' } : {}),
      ...request.headers,
    },
    ...(post ? { body: JSON.stringify(request.body) } : {}),
  };
  const { decode } = request;
  let status: number;
  let decoded: Decoded<T>;
  if (decode) {
    const answer = await exchange(request, init, (response) => response.arrayBuffer(), isOk);
    status = answer.response.status;
    decoded = await decode(answer.body);
  } else {
    const answer = await exchange(request, init, (response) => response.text(), isOk);
    status = answer.response.status;
    // Without a decoder, T is the schema's output (its default).
    decoded = parseAndCheck(request.schema, answer.body) as Decoded<T>;
  }
  if (decoded.ok) return decoded.value;
  const message =
    decoded.reason === 'not-json'
      ? `${request.resource}: response is not JSON`
      : `${request.resource}: ${decoded.summary}`;
  throw new AdapterError('invalid-response', message, { resource: request.resource, status });
}

export interface BytesRequest extends SourceRequest {
  /**
   * Statuses besides 2xx that are answers rather than failures (an XYZ tile server's 404 for a
   * tile without features).
   */
  answerStatuses?: readonly number[];
  /** How the browser's HTTP cache is used (`reload` after it served a stale part of a file). */
  cache?: RequestCache;
}

export interface BytesAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** One request for raw bytes (a tile, a byte range of an archive), failing as JSON requests do. */
export async function requestBytes(request: BytesRequest): Promise<BytesAnswer> {
  const answers = request.answerStatuses ?? [];
  const { response, body } = await exchange(
    request,
    {
      method: 'GET',
      headers: { Accept: '*/*', ...request.headers },
      ...(request.cache ? { cache: request.cache } : {}),
    },
    (answer) => answer.arrayBuffer(),
    (status) => isOk(status) || answers.includes(status),
  );
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(body) };
}

/** A whole answer may take this many times the timeout, once it has begun within it. */
const WHOLE_ANSWER_TIMEOUTS = 10;

/**
 * How long a request may take: its answer must begin within the timeout, and be complete within
 * ten times that. A large answer still arriving is not a source that does not answer (a city's
 * live values are tens of megabytes, read by a page busy with the rest), but one that never ends
 * is. (The body is read whole, by the browser's own reader, so that developer tools still show
 * it: how steadily it arrives is not watched.)
 */
function answerDeadline(timeoutMs: number) {
  const controller = new AbortController();
  const seconds = Math.round(timeoutMs / 1000);
  let missed = `no answer within ${seconds} s`;
  const expire = (why: string) => () => {
    missed = why;
    controller.abort();
  };
  const first = setTimeout(expire(missed), timeoutMs);
  const whole = setTimeout(
    expire(`answer not complete within ${seconds * WHOLE_ANSWER_TIMEOUTS} s`),
    timeoutMs * WHOLE_ANSWER_TIMEOUTS,
  );
  return {
    signal: controller.signal,
    /** The answer began: from now on it has until the whole answer's deadline. */
    begun: () => clearTimeout(first),
    missed: () => missed,
    stop: () => {
      clearTimeout(first);
      clearTimeout(whole);
    },
  };
}

/**
 * `reading`, or its failure once `signal` aborts: not every fetch ends a body it has begun when
 * its signal aborts (msw/node's does not), and the deadline must hold all the same.
 */
function untilAborted<T>(reading: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) abort();
    signal.addEventListener('abort', abort, { once: true });
    reading.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function isOk(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * The request sent and its answer read (by `read`), both within the timeout and the caller's
 * signal. No answer, or a status `answered` does not take, is an AdapterError; for the latter
 * the error body's message is shown where it has one.
 */
async function exchange<B>(
  request: SourceRequest,
  init: RequestInit,
  read: (response: Response) => Promise<B>,
  answered: (status: number) => boolean,
): Promise<{ response: Response; body: B }> {
  const { resource } = request;
  // A caller that has given up (between the pages of a paged read, say) starts nothing more.
  if (request.signal?.aborted)
    throw new AdapterError('aborted', `request for ${resource} was cancelled`, { resource });
  const deadline = answerDeadline(request.timeoutMs);
  const signal = request.signal
    ? AbortSignal.any([request.signal, deadline.signal])
    : deadline.signal;

  let outcome:
    | { readonly answered: true; readonly response: Response; readonly body: B }
    | { readonly answered: false; readonly status: number; readonly text: string };
  try {
    const response = await request.fetch(request.url, { ...init, signal });
    deadline.begun();
    outcome = answered(response.status)
      ? { answered: true, response, body: await untilAborted(read(response), signal) }
      : {
          answered: false,
          status: response.status,
          text: await untilAborted(response.text(), signal),
        };
  } catch (cause) {
    if (request.signal?.aborted) {
      throw new AdapterError('aborted', `request for ${resource} was cancelled`, {
        resource,
        cause,
      });
    }
    if (deadline.signal.aborted) {
      throw new AdapterError('timeout', `${resource}: ${deadline.missed()}`, { resource, cause });
    }
    throw new AdapterError('network', `${resource}: source unreachable`, { resource, cause });
  } finally {
    deadline.stop();
  }

  if (!outcome.answered) {
    const json = parseJson(outcome.text);
    const detail = errorDetail(json);
    throw new AdapterError(
      'http',
      `${resource}: HTTP ${outcome.status}${detail ? ` (${detail})` : ''}`,
      { resource, status: outcome.status, body: json },
    );
  }
  return outcome;
}

function parseAndCheck<S extends z.ZodType>(schema: S, body: string): Decoded<z.output<S>> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, reason: 'invalid', summary: summarizeIssues(parsed.error) };
}

/** The first few schema issues, with where they are, short enough for a status line. */
export function summarizeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 2).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : 'body';
    return `${truncate(issue.message, 80)} at ${truncate(path, 60)}`;
  });
  const more =
    error.issues.length > shown.length ? ` (+${error.issues.length - shown.length} more)` : '';
  return `invalid data: ${shown.join('; ')}${more}`;
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    // Not JSON: the status alone says enough.
    return undefined;
  }
}

/**
 * The message of an error body: the contract's `{ error: { message } }`, an OGC API exception
 * `{ code, description }`, or a problem+json `{ title, detail }`.
 */
function errorDetail(json: unknown): string | null {
  if (json && typeof json === 'object') {
    const { description, detail, title } = json as Record<string, unknown>;
    const text = [description, detail, title].find((value) => typeof value === 'string');
    if (typeof text === 'string' && text.trim() !== '') return truncate(text.trim(), MAX_MESSAGE);
  }
  if (json && typeof json === 'object' && 'error' in json) {
    const error = json.error;
    if (
      error &&
      typeof error === 'object' &&
      'message' in error &&
      typeof error.message === 'string'
    ) {
      return truncate(error.message, MAX_MESSAGE);
    }
  }
  return null;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
