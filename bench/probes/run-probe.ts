/**
 * Runs a probe script in a fresh node process (its own heap, garbage collection exposed) and
 * returns what it printed on its one `RESULT <json>` line.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VITE_NODE = fileURLToPath(
  new URL('../../node_modules/vite-node/dist/cli.mjs', import.meta.url),
);

export async function runProbe<T>(script: string, args: readonly string[]): Promise<T> {
  const { stdout } = await run(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=12288', VITE_NODE, script, '--', ...args],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  const line = stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (!line) {
    throw new Error(`${script} ${args.join(' ')} printed no result:\n${stdout.slice(-2000)}`);
  }
  return JSON.parse(line.slice('RESULT '.length)) as T;
}
