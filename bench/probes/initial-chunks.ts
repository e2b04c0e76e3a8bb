/**
 * Which chunks of a production build a page loads at start, read from the built files alone:
 * the scripts index.html names (its module script and its module preloads), then, recursively,
 * every chunk those import statically. A chunk reached only through `import()` is loaded on
 * demand; a chunk that no import reaches is started by URL (a worker's script, off the main
 * thread). Paths are relative to the build's root, e.g. `assets/index-abc123.js`.
 */
import { posix } from 'node:path';

export type ChunkLoading = 'initial' | 'on demand' | 'by URL';

/** A quoted relative specifier: `"./x.js"`, `'../x.js'` or `` `./x.js` ``. */
const SPECIFIER = String.raw`(["'\x60])(\.{1,2}/[^"'\x60]+)\1`;
/**
 * `import"./x.js"`, `import{a as b}from"./x.js"`, `import * as x from "./x.js"`, and the
 * re-exports `export{a}from"./x.js"`, `export*from"./x.js"` (minified or not). The clause before
 * `from` holds no quote and no parenthesis, so `import("./x.js")` never matches.
 */
const STATIC_IMPORT = new RegExp(
  String.raw`(?<![\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?${SPECIFIER}`,
  'g',
);
const DYNAMIC_IMPORT = new RegExp(String.raw`(?<![\w$.])import\s*\(\s*${SPECIFIER}\s*\)`, 'g');
const MODULE_SCRIPT = /<script\b[^>]*\btype=["']?module["']?[^>]*>/gi;
const MODULE_PRELOAD = /<link\b[^>]*\brel=["']?modulepreload["']?[^>]*>/gi;

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(String.raw`\s${name}=(?:"([^"]*)"|'([^']*)'|([^\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3] ?? null) : null;
}

/** The scripts index.html loads at start, as it names them (`/assets/index-abc123.js`). */
export function entryScripts(html: string): string[] {
  const scripts = [...html.matchAll(MODULE_SCRIPT)].map(([tag]) => attribute(tag, 'src'));
  const preloads = [...html.matchAll(MODULE_PRELOAD)].map(([tag]) => attribute(tag, 'href'));
  return [...scripts, ...preloads].filter((src): src is string => src !== null);
}

export function staticImports(code: string): string[] {
  return [...code.matchAll(STATIC_IMPORT)].map((match) => match[2]!);
}

export function dynamicImports(code: string): string[] {
  return [...code.matchAll(DYNAMIC_IMPORT)].map((match) => match[2]!);
}

/**
 * Every chunk reached from `starts` through the imports `importsOf` names. A specifier that is no
 * chunk of the build is skipped: it can only be text that looks like an import (a string in a
 * library), since the build's own imports all resolve.
 */
function reach(
  starts: Iterable<string>,
  chunks: ReadonlyMap<string, string>,
  importsOf: (code: string) => string[],
): Set<string> {
  const reached = new Set<string>();
  const pending = [...starts];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (reached.has(path)) continue;
    reached.add(path);
    for (const specifier of importsOf(chunks.get(path)!)) {
      const target = posix.join(posix.dirname(path), specifier);
      if (chunks.has(target) && !reached.has(target)) pending.push(target);
    }
  }
  return reached;
}

/**
 * How each chunk is loaded. `html` is index.html's text; `chunks` maps each JavaScript file of the
 * build (its path from the build's root) to its text. A script index.html names that is not in
 * `chunks` is an error: the figures would leave it out.
 */
export function chunkLoading(
  html: string,
  chunks: ReadonlyMap<string, string>,
): Map<string, ChunkLoading> {
  const entries = entryScripts(html)
    .filter((src) => !/^[a-z][\w+.-]*:/i.test(src)) // another origin's script is no chunk
    .map((src) => posix.normalize(src.replace(/^\/+/, '')));
  for (const entry of entries) {
    if (!chunks.has(entry)) throw new Error(`index.html loads ${entry}, which is not in the build`);
  }
  const initial = reach(entries, chunks, staticImports);
  const dynamicStarts = [...initial].flatMap((path) =>
    dynamicImports(chunks.get(path)!).map((specifier) =>
      posix.join(posix.dirname(path), specifier),
    ),
  );
  // On demand: what `import()` reaches, from the start or from another on-demand chunk, with all
  // it imports statically.
  const onDemand = reach(
    dynamicStarts.filter((path) => chunks.has(path)),
    chunks,
    (code) => [...staticImports(code), ...dynamicImports(code)],
  );
  return new Map(
    [...chunks.keys()].map((path) => [
      path,
      initial.has(path) ? 'initial' : onDemand.has(path) ? 'on demand' : 'by URL',
    ]),
  );
}
