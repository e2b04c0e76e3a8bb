/**
 * Runs a script of the project in a fresh node process (its own heap, garbage collection exposed):
 * a probe, which returns what it printed on its one `RESULT <json>` line, or a tool such as the
 * tile writer.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VITE_NODE = fileURLToPath(
  new URL('../../node_modules/vite-node/dist/cli.mjs', import.meta.url),
);

/** Node's arguments to run `script` (a path from the project's root) with a large heap. */
export function nodeScriptArgs(script: string, args: readonly string[]): string[] {
  return ['--expose-gc', '--max-old-space-size=16384', VITE_NODE, script, '--', ...args];
}

/** Runs `script` to its end; returns what it printed. */
export async function runScript(script: string, args: readonly string[]): Promise<string> {
  const { stdout } = await run(process.execPath, nodeScriptArgs(script, args), {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

export async function runProbe<T>(script: string, args: readonly string[]): Promise<T> {
  const stdout = await runScript(script, args);
  const line = stdout.split('\n').find((text) => text.startsWith('RESULT '));
  if (!line) {
    throw new Error(`${script} ${args.join(' ')} printed no result:\n${stdout.slice(-2000)}`);
  }
  return JSON.parse(line.slice('RESULT '.length)) as T;
}
