/**
 * `npm run bench [-- --smoke]`: runs the benchmark suites, prints their tables, writes the
 * figures to bench/results/<suite>.json and, for a full run, into docs/benchmarks.md.
 * `--smoke` is the small, single run CI makes so that the harness never rots; its figures are
 * not written into the document.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine';
import { machineLine, markdownTable, writeSection } from './report';
import { FULL_PLAN, runSimulationSuite, SMOKE_PLAN } from './suites/simulation';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const DOCUMENT = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  const unknown = args.find((arg) => arg !== '--smoke');
  if (unknown) throw new Error(`unknown option ${unknown}; usage: npm run bench [-- --smoke]`);
  const smoke = args.includes('--smoke');
  const machine = describeMachine();
  const date = new Date().toISOString().slice(0, 10);
  const log = (line: string): void => console.log(`bench: ${line}`);

  const measurements = await runSimulationSuite(smoke ? SMOKE_PLAN : FULL_PLAN, log);
  const table = markdownTable(measurements);
  console.log(
    `\n## simulation${smoke ? ' (smoke)' : ''}\n\n${machineLine(machine, date)}\n\n${table}\n`,
  );

  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    `${RESULTS_DIR}simulation${smoke ? '.smoke' : ''}.json`,
    `${JSON.stringify({ date, smoke, machine, measurements }, null, 2)}\n`,
  );
  if (!smoke) writeSection(DOCUMENT, 'simulation', `${machineLine(machine, date)}\n\n${table}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
