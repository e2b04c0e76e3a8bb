/**
 * Serves the production build (dist/, built beforehand with `npm run build`) for every browser
 * test, the way a city would deploy it: static files from `vite preview`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PREVIEW_PORT, PROJECT_ROOT } from './support/paths';
import { startViteServer } from './support/server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the served production build, with a trailing slash. */
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(PROJECT_ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/index.html is missing: run `npm run build` before `npm run test:e2e`.');
  }
  const server = await startViteServer({ mode: 'preview', port: PREVIEW_PORT, root: PROJECT_ROOT });
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
