/**
 * Serves MSW request handlers over a plain node `http` server: each incoming request becomes a
 * fetch `Request`, MSW's `getResponse` picks the handler, and the `Response` (streams included)
 * is written back with CORS headers, so pages on other origins can share this backend. A client
 * that goes away aborts the request's signal, which ends streams and hanging faults.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RequestHandler } from 'msw';
import { answer } from '../handlers/answer';

/** Handlers are built for this origin; requests are re-addressed to it whatever Host they used. */
export const INTERNAL_ORIGIN = 'http://cityops.internal';
const MAX_BODY_BYTES = 1024 * 1024;

const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept, Cache-Control, Last-Event-ID',
  'Access-Control-Max-Age': '600',
};

function sendJsonError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify({ error: { code, message } }));
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(`${INTERNAL_ORIGIN}${req.url ?? '/'}`, {
    method,
    headers,
    signal,
    ...(hasBody ? { body: new Uint8Array(body) } : {}),
  });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  if (response.type === 'error') {
    // A network error (the `offline` fault): drop the connection without an answer.
    res.destroy();
    return;
  }
  const headers: Record<string, string> = { ...CORS_HEADERS };
  response.headers.forEach((value, name) => (headers[name] = value));
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  try {
    for await (const chunk of response.body) {
      if (res.destroyed) break;
      res.write(chunk);
    }
  } finally {
    res.end();
  }
}

export function createHttpBridge(handlers: readonly RequestHandler[]): RequestListener {
  return (req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    const aborter = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborter.abort();
    });
    void (async () => {
      const body = await readBody(req);
      if (body === null) {
        sendJsonError(res, 413, 'bad_request', 'request body too large');
        return;
      }
      await writeResponse(res, await answer(handlers, toRequest(req, body, aborter.signal)));
    })().catch((error: unknown) => {
      console.error('mock server: request failed', error);
      if (!res.headersSent) sendJsonError(res, 500, 'internal', 'the mock server failed');
      else res.destroy();
    });
  };
}
