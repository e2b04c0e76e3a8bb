/** Where things are, for the browser tests. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Screenshots of every test, kept as CI artefacts. */
export const RESULTS_DIR = join(PROJECT_ROOT, 'test-results', 'e2e');

/** Vite's preview default; override to run next to another preview on the same machine. */
export const PREVIEW_PORT = Number(process.env['CITYOPS_E2E_PORT'] ?? 4173);

/** For the one test that needs the development build (StrictMode's double mount). */
export const DEV_PORT = Number(process.env['CITYOPS_E2E_DEV_PORT'] ?? 5174);
