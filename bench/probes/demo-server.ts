/**
 * The standalone demo backend (`npm run mock-server`) in a process of its own, for a preset too
 * big to run inside the page it serves: at the megacity the simulation holds about 1.5 GB and its
 * first step takes about a minute, which in the page's renderer process competes with the page
 * being measured and, with the page's own memory, exhausts it. Started, warmed up (its first
 * simulation step run) and stopped around `work`; the app and the baseline pages read it alike.
 */
import { spawn } from 'node:child_process';
import { nodeScriptArgs, ROOT } from './run-probe';

const LISTENING = /listening on (\S+)/;

export async function withDemoServer<T>(
  options: { readonly scale: string; readonly seed: number },
  log: (line: string) => void,
  work: (apiBaseUrl: string) => Promise<T>,
): Promise<T> {
  const child = spawn(
    process.execPath,
    nodeScriptArgs('mocks/server/main.ts', [
      ...['--scale', options.scale, '--seed', String(options.seed), '--port', '0'],
    ]),
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`exited (${signal ?? code})`)),
  );
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + String(chunk)).slice(-2000)));
  try {
    const apiBaseUrl = await new Promise<string>((resolve, reject) => {
      let printed = '';
      child.stdout.on('data', (chunk: Buffer) => {
        printed += String(chunk);
        const url = LISTENING.exec(printed)?.[1];
        if (url) resolve(url);
      });
      void exited.then((how) => reject(new Error(`the demo server ${how}: ${errors.trim()}`)));
    });
    log(`demo server at ${apiBaseUrl}; running its first simulation step`);
    const started = performance.now();
    // Any read of live values runs the first step; the alarms are the smallest such answer.
    const warm = await fetch(`${apiBaseUrl}/alarms`);
    if (!warm.ok) throw new Error(`the demo server's warm-up read answered HTTP ${warm.status}`);
    await warm.arrayBuffer();
    log(`demo server warm after ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return await work(apiBaseUrl);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}
