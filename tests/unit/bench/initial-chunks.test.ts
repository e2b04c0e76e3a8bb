import { describe, expect, it } from 'vitest';
import {
  chunkLoading,
  dynamicImports,
  entryScripts,
  staticImports,
} from '../../../bench/probes/initial-chunks';

// A made-up build: the entry imports a vendor chunk and preloads another; the vendor chunk
// imports a shared one; the export code comes by `import()` and brings its own library; a worker
// is started by URL. A string that looks like an import names no chunk.
const HTML = `<!doctype html>
<html>
  <head>
    <script type="module" crossorigin src="/assets/index-Ab12Cd34.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/preloaded-Zz99Yy88.js">
    <link rel="stylesheet" crossorigin href="/assets/index-Qq11Ww22.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

const CHUNKS = new Map([
  [
    'assets/index-Ab12Cd34.js',
    'const __vite__mapDeps=(i)=>i;\nimport{a as e}from"./vendor-Ef56Gh78.js";import"./side-effect-Ij90Kl12.js";' +
      'let t=`import x from "./not-a-chunk.js"`;' +
      'async function n(){let{save:e}=await import(`./export-Mn34Op56.js`);e()}' +
      'new Worker(new URL(`/assets/worker-Rs78Tu90.js`,import.meta.url),{type:`module`});',
  ],
  ['assets/vendor-Ef56Gh78.js', 'import{s as e}from"./shared-Vw12Xy34.js";export{e as a};'],
  ['assets/shared-Vw12Xy34.js', 'var e=1;export{e as s};'],
  ['assets/side-effect-Ij90Kl12.js', 'globalThis.x=1;'],
  ['assets/preloaded-Zz99Yy88.js', 'export * from "./shared-Vw12Xy34.js";'],
  [
    'assets/export-Mn34Op56.js',
    'import { s } from "./shared-Vw12Xy34.js";\nimport * as p from "./papaparse-Ab34Cd56.js";\nexport function save(){}',
  ],
  ['assets/papaparse-Ab34Cd56.js', 'export const unparse=()=>``;'],
  ['assets/worker-Rs78Tu90.js', 'self.onmessage=()=>{};'],
]);

describe('the chunks a page loads at start', () => {
  it('reads the module script and the module preloads from index.html', () => {
    expect(entryScripts(HTML)).toEqual([
      '/assets/index-Ab12Cd34.js',
      '/assets/preloaded-Zz99Yy88.js',
    ]);
  });

  it('tells static imports from dynamic ones', () => {
    const entry = CHUNKS.get('assets/index-Ab12Cd34.js')!;
    expect(staticImports(entry)).toEqual([
      './vendor-Ef56Gh78.js',
      './side-effect-Ij90Kl12.js',
      './not-a-chunk.js',
    ]);
    expect(dynamicImports(entry)).toEqual(['./export-Mn34Op56.js']);
    expect(staticImports(CHUNKS.get('assets/export-Mn34Op56.js')!)).toEqual([
      './shared-Vw12Xy34.js',
      './papaparse-Ab34Cd56.js',
    ]);
    expect(staticImports('export*from"./a.js";export{b}from\'./b.js\';')).toEqual([
      './a.js',
      './b.js',
    ]);
  });

  it('counts the entry and its static imports as initial, never what import() brings', () => {
    expect(Object.fromEntries(chunkLoading(HTML, CHUNKS))).toEqual({
      'assets/index-Ab12Cd34.js': 'initial',
      'assets/vendor-Ef56Gh78.js': 'initial',
      'assets/shared-Vw12Xy34.js': 'initial',
      'assets/side-effect-Ij90Kl12.js': 'initial',
      'assets/preloaded-Zz99Yy88.js': 'initial',
      'assets/export-Mn34Op56.js': 'on demand',
      'assets/papaparse-Ab34Cd56.js': 'on demand',
      'assets/worker-Rs78Tu90.js': 'by URL',
    });
  });

  it('refuses a build that index.html does not match', () => {
    const stale = new Map([...CHUNKS].filter(([path]) => !path.includes('preloaded')));
    expect(() => chunkLoading(HTML, stale)).toThrow(/assets\/preloaded-Zz99Yy88\.js/);
  });
});
