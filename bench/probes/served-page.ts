/**
 * The production build (dist/) served by `vite preview` on a free port and opened in Debian's
 * headless Chromium, with the browser tests' own helpers (tests/e2e/support: the same flags,
 * a fresh profile, console errors recorded). Whatever the work does, the browser is closed and
 * the server stopped afterwards; on SIGINT/SIGTERM the server's helper kills the server and
 * Playwright closes the browser.
 */
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchBrowser, type PageProblem } from '../../tests/e2e/support/browser';
import { startViteServer } from '../../tests/e2e/support/server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The map in software WebGL on two cores, at 1920×1080, after a cold start. */
const READY_TIMEOUT_MS = 120_000;

export interface ServedPageOptions {
  /** Path and query of the page, e.g. `/?config=/demo-town.config.json`. */
  readonly path: string;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly log: (line: string) => void;
}

export interface ServedPage {
  readonly page: Page;
  /** Console errors, uncaught exceptions and dialogs so far, in order. */
  readonly problems: readonly PageProblem[];
}

/** A port nobody listens on now (the OS picks it); the server takes it a moment later. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Serves dist/ with `vite preview` while `work` runs, then stops the server. */
export async function withPreviewServer<T>(
  log: (line: string) => void,
  work: (serverUrl: string) => Promise<T>,
): Promise<T> {
  if (!existsSync(join(ROOT, 'dist', 'index.html')))
    throw new Error(
      'dist/index.html is missing: run `npm run build` before the browser benchmarks.',
    );
  const server = await startViteServer({ mode: 'preview', port: await freePort(), root: ROOT });
  try {
    log(`serving dist/ at ${server.url}`);
    return await work(server.url);
  } finally {
    await server.stop();
  }
}

/** A fresh browser (a new profile) at the viewport, for the duration of `work`. */
export async function withBrowserPage<T>(
  viewport: ServedPageOptions['viewport'],
  work: (served: ServedPage) => Promise<T>,
): Promise<T> {
  const session = await launchBrowser();
  try {
    const { page, problems } = session;
    await page.setViewportSize(viewport);
    return await work({ page, problems });
  } finally {
    await session.close();
  }
}

export async function withServedPage<T>(
  options: ServedPageOptions,
  work: (served: ServedPage) => Promise<T>,
): Promise<T> {
  return withPreviewServer(options.log, (serverUrl) =>
    withBrowserPage(options.viewport, async (served) => {
      const { page } = served;
      const started = performance.now();
      await page.goto(new URL(options.path, serverUrl).href, { timeout: READY_TIMEOUT_MS });
      await page
        .locator('[data-testid=map][data-ready=true]')
        .waitFor({ timeout: READY_TIMEOUT_MS });
      options.log(`map ready after ${((performance.now() - started) / 1000).toFixed(1)} s`);
      return work(served);
    }),
  );
}
