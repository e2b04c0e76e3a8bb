/**
 * `npm run mock-server` as an integrator starts it: a process serving the API on 127.0.0.1 with
 * CORS headers, so pages on other origins (several screens) can use one shared backend.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogSchema } from '../../src/data/schemas';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** vite-node's own entry, started directly: exactly one process to stop. */
const VITE_NODE = createRequire(import.meta.url).resolve('vite-node/cli');

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
});

/** Starts the server on a free port and resolves with its API base URL once it listens. */
function start(args: readonly string[]): Promise<string> {
  child = spawn(process.execPath, [VITE_NODE, 'mocks/server/main.ts', '--', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/api\/v1)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}

describe('npm run mock-server', () => {
  it('serves the API on 127.0.0.1 with CORS headers', { timeout: 60_000 }, async () => {
    const base = await start(['--port', '0', '--seed', '7', '--scale', 'town']);
    const response = await fetch(`${base}/catalog`, {
      headers: { Origin: 'http://127.0.0.1:5173' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const catalog = catalogSchema.parse(await response.json());
    expect(catalog.city.id).toMatch(/-town-7$/);
    const preflight = await fetch(`${base}/clock`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    const missing = await fetch(`${base}/nothing-here`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
