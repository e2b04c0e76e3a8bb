/**
 * `npm run bench [-- [--smoke] [--suite bundle|simulation|live-update|memory|render|stream|soak] [--soak-minutes <n>] [--scales <a,b>]]`: runs the
 * benchmark suites one after another (or only the one named), prints their tables, writes the
 * figures to bench/results/<suite>.json and, for a full run, into docs/benchmarks.md.
 * `--smoke` is the small, single run CI makes so that the harness never rots; its figures go to
 * bench/results/<suite>.smoke.json and not into the document. `--soak-minutes` sets the soak's
 * wall duration (e.g. an overnight run). A suite that fails is reported and the next one still
 * runs; the exit status says so. The soak serves dist/: `npm run build` first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine';
import { machineLine, markdownTable, writeSection } from './report';
import type { Measurement } from './result';
import * as bundle from './suites/bundle';
import * as liveUpdate from './suites/live-update';
import * as memory from './suites/memory';
import * as render from './suites/render';
import * as simulation from './suites/simulation';
import * as soak from './suites/soak';
import * as stream from './suites/stream';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const DOCUMENT = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

interface Options {
  readonly smoke: boolean;
  /** Only this suite (default: every suite). */
  readonly suite: SuiteName | null;
  /** The soak's wall duration instead of its plan's. */
  readonly soakMinutes: number | null;
  /** Only these scale presets in the render suite (default: its plan's). */
  readonly scales: readonly string[] | null;
}

interface SuiteOutcome {
  readonly measurements: readonly Measurement[];
  /** Written to the suite's result file next to the measurements (e.g. the soak's series). */
  readonly details?: object;
  /** Lines printed and written under the machine line (e.g. the WebGL renderer). */
  readonly preface?: readonly string[];
}

type Log = (line: string) => void;

const SUITES = {
  // Cheap, so the smoke run is the full one.
  bundle: async (_options: Options, log: Log): Promise<SuiteOutcome> => ({
    measurements: bundle.runBundleSuite(log),
  }),
  simulation: async ({ smoke }: Options, log: Log): Promise<SuiteOutcome> => ({
    measurements: await simulation.runSimulationSuite(
      smoke ? simulation.SMOKE_PLAN : simulation.FULL_PLAN,
      log,
    ),
  }),
  'live-update': async ({ smoke }: Options, log: Log): Promise<SuiteOutcome> => ({
    measurements: liveUpdate.runLiveUpdateSuite(
      smoke ? liveUpdate.SMOKE_PLAN : liveUpdate.FULL_PLAN,
      log,
    ),
  }),
  memory: async ({ smoke }: Options, log: Log): Promise<SuiteOutcome> => ({
    measurements: await memory.runMemorySuite(smoke ? memory.SMOKE_PLAN : memory.FULL_PLAN, log),
  }),
  render: ({ smoke, scales }: Options, log: Log): Promise<SuiteOutcome> =>
    render.runRenderSuite(
      render.withScales(smoke ? render.SMOKE_PLAN : render.FULL_PLAN, scales),
      log,
    ),
  stream: ({ smoke }: Options, log: Log): Promise<SuiteOutcome> =>
    stream.runStreamSuite(smoke ? stream.SMOKE_PLAN : stream.FULL_PLAN, log),
  soak: ({ smoke, soakMinutes }: Options, log: Log): Promise<SuiteOutcome> => {
    const plan = smoke ? soak.SMOKE_PLAN : soak.FULL_PLAN;
    return soak.runSoakSuite(
      soakMinutes === null ? plan : soak.withMinutes(plan, soakMinutes),
      log,
    );
  },
} as const;
type SuiteName = keyof typeof SUITES;
const SUITE_NAMES = Object.keys(SUITES) as SuiteName[];

const USAGE = `usage: npm run bench [-- [--smoke] [--suite ${SUITE_NAMES.join('|')}] [--soak-minutes <n>] [--scales <a,b>]]`;

function parseOptions(argv: readonly string[]): Options {
  const args = argv.filter((arg) => arg !== '--');
  let smoke = false;
  let suite: SuiteName | null = null;
  let soakMinutes: number | null = null;
  let scales: string[] | null = null;
  for (let k = 0; k < args.length; k++) {
    const arg = args[k]!;
    if (arg === '--smoke') smoke = true;
    else if (arg === '--suite') {
      const name = args[++k];
      if (!SUITE_NAMES.includes(name as SuiteName))
        throw new Error(`unknown suite ${name ?? '(none)'}; ${USAGE}`);
      suite = name as SuiteName;
    } else if (arg === '--soak-minutes') {
      const minutes = Number(args[++k]);
      if (!(minutes > 0)) throw new Error(`--soak-minutes needs a positive number; ${USAGE}`);
      soakMinutes = minutes;
    } else if (arg === '--scales') {
      scales = (args[++k] ?? '').split(',').filter(Boolean);
      if (scales.length === 0) throw new Error(`--scales needs e.g. town,city; ${USAGE}`);
    } else throw new Error(`unknown option ${arg}; ${USAGE}`);
  }
  return { smoke, suite, soakMinutes, scales };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { smoke } = options;
  const machine = describeMachine();
  const date = new Date().toISOString().slice(0, 10);
  const log: Log = (line) => console.log(`bench: ${line}`);
  const failed: string[] = [];

  for (const name of options.suite ? [options.suite] : SUITE_NAMES) {
    let outcome: SuiteOutcome;
    try {
      outcome = await SUITES[name](options, log);
    } catch (error) {
      console.error(`bench: the ${name} suite failed:`, error);
      failed.push(name);
      continue;
    }
    const { measurements, details, preface = [] } = outcome;
    const heading = [machineLine(machine, date), ...preface].join('\n');
    const table = markdownTable(measurements);
    console.log(`\n## ${name}${smoke ? ' (smoke)' : ''}\n\n${heading}\n\n${table}\n`);

    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      `${RESULTS_DIR}${name}${smoke ? '.smoke' : ''}.json`,
      `${JSON.stringify({ date, smoke, machine, preface, measurements, ...details }, null, 2)}\n`,
    );
    if (!smoke) writeSection(DOCUMENT, name, `${heading}\n\n${table}`);
  }
  if (failed.length > 0) throw new Error(`failed suites: ${failed.join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
