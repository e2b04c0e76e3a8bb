/**
 * The `test` every browser test uses: it hands the test a fresh Chromium session and, when the
 * test is done (passed or not), saves a screenshot of the page to test-results/e2e/ and fails the
 * test if the page logged a console error, threw, or opened a dialog. So "no errors on the page"
 * is checked by every test without any test having to remember it.
 *
 * Every page starts at the same moment of the simulated city's day (CITY_TIME), so every run sees
 * the same city (the same rush-hour traffic, the same pipes) whatever the wall clock says.
 */
import { mkdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { test as base } from 'vitest';
import { launchBrowser, type BrowserSession, type PageProblem } from './browser';
import { CITY_TIME } from './city';
import { RESULTS_DIR } from './paths';

export interface AllowedProblem {
  /** Matches the console message. */
  readonly text: RegExp;
  /** Matches the URL the message is about (for a failed request, the request's). */
  readonly url: RegExp;
  /** Why this message cannot be avoided: kept next to the pattern, so the allow-list explains itself. */
  readonly reason: string;
}

const INJECTED_500 = /^Failed to load resource: the server responded with a status of 500/;

export interface Session extends BrowserSession {
  /** Accepts console errors like this one, for this test only. */
  allowConsoleError(problem: AllowedProblem): void;
  /**
   * Accepts the console error Chromium logs for an HTTP 500 the test injects on purpose (it logs
   * every error response, also one the page handles), for requests to URLs like `url`.
   */
  allowInjected500(url: RegExp, reason: string): void;
  /** Saves an extra screenshot now, as `<test>--<suffix>.png`. */
  screenshot(suffix: string): Promise<string>;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

function unexpected(
  problems: readonly PageProblem[],
  allowed: readonly AllowedProblem[],
): PageProblem[] {
  return problems.filter(
    (problem) =>
      problem.kind !== 'console' ||
      !allowed.some(({ text, url }) => text.test(problem.text) && url.test(problem.url)),
  );
}

export const test = base.extend<{ session: Session }>({
  // `provide`, not the customary `use`: the React hooks lint rule would take it for React's `use`.
  session: async ({ task }, provide) => {
    const browser = await launchBrowser({ calendarAt: CITY_TIME });
    const allowed: AllowedProblem[] = [];
    const name = `${basename(task.file.name, '.test.ts')}--${slug(task.name)}`;
    await mkdir(RESULTS_DIR, { recursive: true });
    const shoot = async (file: string) => {
      const path = join(RESULTS_DIR, `${file}.png`);
      await browser.page.screenshot({ path, timeout: 30_000 });
      return path;
    };
    const session: Session = {
      ...browser,
      allowConsoleError: (problem) => allowed.push(problem),
      allowInjected500: (url, reason) => allowed.push({ text: INJECTED_500, url, reason }),
      screenshot: (suffix) => shoot(`${name}--${slug(suffix)}`),
    };
    try {
      await provide(session);
      await shoot(name).catch((error: unknown) =>
        console.warn(`screenshot ${name} failed:`, error),
      );
    } finally {
      await browser.close();
    }
    const problems = unexpected(browser.problems, allowed);
    if (problems.length > 0) {
      const lines = problems.map((problem) => {
        const reason = browser.failedResponses.get(problem.url);
        return `  [${problem.kind}] ${problem.text} (${problem.url})${reason ? `: ${reason}` : ''}`;
      });
      throw new Error(`the page reported ${problems.length} problem(s):\n${lines.join('\n')}`);
    }
  },
});
