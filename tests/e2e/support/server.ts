/**
 * Starts a Vite server (`preview` of the production build, or the `dev` server) as a child
 * process and stops it again. The child is Vite's own Node entry started directly (not through
 * npx/npm), so there is exactly one process to kill, and it is killed on every way this process
 * can end: normal teardown, exit, SIGINT and SIGTERM. No server is ever left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ViteMode = 'preview' | 'dev';

export interface ServerOptions {
  mode: ViteMode;
  port: number;
  /** Project root (where vite.config.ts and, for preview, dist/ are). */
  root: string;
  /** A config file other than the project's vite.config.ts. */
  configFile?: string;
  /** How long to wait for the first successful HTTP answer. */
  readyTimeoutMs?: number;
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function viteBin(root: string): string {
  const require = createRequire(join(root, 'package.json'));
  return join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

export async function startViteServer(options: ServerOptions): Promise<RunningServer> {
  const url = `http://${HOST}:${options.port}/`;
  const args = [
    viteBin(options.root),
    ...(options.mode === 'preview' ? ['preview'] : []),
    ...(options.configFile ? ['--config', options.configFile] : []),
    '--port',
    String(options.port),
    '--strictPort',
    '--host',
    HOST,
  ];
  const child = spawn(process.execPath, args, {
    cwd: options.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  const remember = (chunk: Buffer) => {
    // Keep only the tail: enough to explain a failed start, bounded for a long run.
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);

  const killNow = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const onSignal = (signal: NodeJS.Signals) => {
    killNow();
    detach();
    // Only re-raise when nobody else (e.g. the test runner) handles the signal: then the default
    // action ends this process as the signal intended.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = () => {
    process.off('exit', killNow);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.on('exit', killNow);
  for (const signal of SIGNALS) process.on(signal, onSignal);

  const stop = async () => {
    detach();
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
  };

  try {
    await waitUntilServing(url, child, options.readyTimeoutMs ?? 60_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  let stopping = false;
  // A server that dies under the tests makes every later test fail with "connection refused":
  // say why, once, where the test output shows it.
  child.once('exit', (code, signal) => {
    if (!stopping)
      console.error(
        `vite ${options.mode} on ${url} exited (${signal ?? code}) while tests were running:\n${output}`,
      );
  });
  return {
    url,
    stop: () => {
      stopping = true;
      return stop();
    },
  };
}

async function waitUntilServing(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error(`vite exited before serving ${url}:\n${output()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      // The dev server answers 200 only once it can transform index.html; preview likewise.
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`vite did not serve ${url} within ${timeoutMs} ms:\n${output()}`);
}
