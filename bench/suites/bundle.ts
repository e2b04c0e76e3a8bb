/**
 * What the production build (dist/) makes a browser download, gzip-compressed as a server sends
 * it: the JavaScript a page loads at start (bench/probes/initial-chunks.ts), all JavaScript, the
 * CSS, and each chunk. Sizes are in KB of 1,000 bytes, as `vite build` prints them. One reading
 * of the files, no repetitions: the sizes do not vary from run to run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chunkLoading, type ChunkLoading } from '../probes/initial-chunks';
import { measurementOf, type Measurement } from '../result';

const SUITE = 'bundle';
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
/** Where Vite writes the chunks (build.assetsDir), relative to dist/. */
const ASSETS = 'assets';
const TARGET = '≤ 800 KB gzip';

const LOADING_TEXT: Record<ChunkLoading, string> = {
  initial: 'initial',
  'on demand': 'on demand',
  'by URL': 'started by URL, e.g. a worker',
};

interface BuiltFile {
  /** From dist/, e.g. `assets/index-abc123.js`. */
  readonly path: string;
  readonly text: string;
  readonly gzipKB: number;
}

function readAssets(extensions: RegExp): BuiltFile[] {
  return readdirSync(join(DIST, ASSETS))
    .filter((name) => extensions.test(name))
    .sort()
    .map((name) => {
      const path = `${ASSETS}/${name}`;
      const bytes = readFileSync(join(DIST, path));
      return { path, text: bytes.toString('utf8'), gzipKB: gzipSync(bytes).length / 1000 };
    });
}

/** `assets/index-abc123.js` → `index.js`: Vite's content hash is the last `-` and 8 characters. */
function withoutHash(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/-[\w-]{8}(\.[a-z]+)$/, '$1');
}

/** Each chunk's name without its hash, unless two chunks would then share a name. */
function chunkNames(paths: readonly string[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const path of paths) counts.set(withoutHash(path), (counts.get(withoutHash(path)) ?? 0) + 1);
  return new Map(
    paths.map((path) => {
      const short = withoutHash(path);
      return [path, counts.get(short) === 1 ? short : path.slice(path.lastIndexOf('/') + 1)];
    }),
  );
}

const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
const sum = (files: readonly BuiltFile[]) => files.reduce((total, file) => total + file.gzipKB, 0);

function measurement(name: string, valueKB: number, target: string | null = null): Measurement {
  return measurementOf({ suite: SUITE, scale: null }, name, 'KB', [valueKB], null, target);
}

export function runBundleSuite(log: (line: string) => void): Measurement[] {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error('dist/index.html is missing: run `npm run build` before the bundle benchmark.');
  log(`bundle: reading ${join(DIST, ASSETS)}`);
  const scripts = readAssets(/\.m?js$/);
  const styles = readAssets(/\.css$/);
  const loading = chunkLoading(
    readFileSync(join(DIST, 'index.html'), 'utf8'),
    new Map(scripts.map((file) => [file.path, file.text])),
  );
  const initial = scripts.filter((file) => loading.get(file.path) === 'initial');
  const names = chunkNames(scripts.map((file) => file.path));
  const bySize = [...scripts].sort((a, b) => b.gzipKB - a.gzipKB);
  return [
    measurement(
      `initial JavaScript: index.html's scripts and their static imports (${counted(initial.length, 'chunk')})`,
      sum(initial),
      TARGET,
    ),
    measurement(`all JavaScript (${counted(scripts.length, 'chunk')})`, sum(scripts)),
    measurement(`CSS (${counted(styles.length, 'file')})`, sum(styles)),
    ...bySize.map((file) =>
      measurement(
        `chunk ${names.get(file.path)!} (${LOADING_TEXT[loading.get(file.path)!]})`,
        file.gzipKB,
      ),
    ),
  ];
}
