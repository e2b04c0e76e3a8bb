/**
 * Debian's Chromium driven by playwright-core, with Mesa's llvmpipe for WebGL (see
 * FIELD-NOTES: 3-6× faster than SwiftShader here; without --ignore-gpu-blocklist there is no
 * WebGL at all). Every launch gets a fresh profile, so no test sees another test's storage.
 *
 * Every page's console errors, uncaught exceptions and dialogs are recorded: a page that logs an
 * error or opens a dialog is a failing page, whatever it shows.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env['CITYOPS_E2E_CHROMIUM'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--use-angle=gl-egl',
  '--ignore-gpu-blocklist',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface PageProblem {
  readonly kind: 'console' | 'pageerror' | 'dialog';
  readonly text: string;
  readonly url: string;
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors, uncaught exceptions and dialogs of every page of this session, in order. */
  readonly problems: PageProblem[];
  /** The body of each failed response (status 400 and above), by URL: the server's reason. */
  readonly failedResponses: ReadonlyMap<string, string>;
  close(): Promise<void>;
}

function watch(page: Page, problems: PageProblem[], failures: Map<string, string>): void {
  // Chromium's console line for a failed request names its status, not the server's reason.
  page.on('response', (response) => {
    if (response.status() < 400) return;
    response.text().then(
      (body) => failures.set(response.url(), body.slice(0, 300)),
      () => undefined,
    );
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const location = message.location();
    problems.push({ kind: 'console', text: message.text(), url: location.url || page.url() });
  });
  page.on('pageerror', (error) => {
    problems.push({ kind: 'pageerror', text: `${error.name}: ${error.message}`, url: page.url() });
  });
  // A dialog would block the page; dismiss it, but it is a problem in itself (e.g. injected script).
  page.on('dialog', (dialog) => {
    problems.push({
      kind: 'dialog',
      text: `${dialog.type()}: ${dialog.message()}`,
      url: page.url(),
    });
    void dialog.dismiss();
  });
}

export interface LaunchOptions {
  /** Every page load starts its calendar at this moment (ISO 8601); see `startCalendarAt`. */
  readonly calendarAt?: string;
}

/**
 * Runs in the page before any of its scripts: `Date` (and only `Date`) is moved to `start`, and
 * runs on at normal speed from there. Timers, animation frames and `performance` stay real:
 * Playwright's own clock fakes those too, and on a page that needs a second per frame in software
 * WebGL the faked timers starve the page (and Playwright's own waits with it).
 */
function startCalendarAt(start: string): void {
  const RealDate = Date;
  const offset = RealDate.parse(start) - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const profile = await mkdtemp(join(tmpdir(), 'cityops-e2e-'));
  const problems: PageProblem[] = [];
  const failedResponses = new Map<string, string>();
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 1,
      // Same language and clock zone on every machine: the UI's default language comes from it.
      locale: 'en-US',
      timezoneId: 'Asia/Shanghai',
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  if (options.calendarAt) await context.addInitScript(startCalendarAt, options.calendarAt);
  // The persistent context opens with one page already; pages opened later are watched as they come.
  context.on('page', (page) => watch(page, problems, failedResponses));
  const initial = context.pages()[0];
  if (initial) watch(initial, problems, failedResponses);
  const page = initial ?? (await context.newPage());
  return {
    context,
    page,
    problems,
    failedResponses,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
