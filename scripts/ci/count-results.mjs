#!/usr/bin/env node
/**
 * Adds up Vitest JSON reports (`--reporter=json --outputFile=...`) and prints one line,
 * `N passed, N failed`. A report that is missing (its step did not run or crashed before writing)
 * adds nothing; a test file that failed without any failed test in it (it did not even load)
 * counts as one failure, so a broken file can never make the total look clean.
 *
 * Usage: node scripts/ci/count-results.mjs report.json [report.json ...]
 */
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    console.error(`${file}: not a readable JSON report (${error.message}); counted as one failure`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  for (const suite of report.testResults ?? []) {
    const failedTests = (suite.assertionResults ?? []).filter(
      (test) => test.status === 'failed',
    ).length;
    if (suite.status === 'failed' && failedTests === 0) failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
