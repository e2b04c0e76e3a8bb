/**
 * Browser tests: real Chromium (software WebGL) against the production build. Slow by nature,
 * so long timeouts, and one file at a time: the machine has two cores and Chromium's software
 * rasteriser uses them both.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // `expect.poll` waits for what the page shows; a software-rendered frame alone can take a
    // second or more, far beyond the default of one second.
    expect: { poll: { timeout: 30_000, interval: 250 } },
  },
});
