/**
 * Tables of measurements: printed after a run, and written into docs/benchmarks.md between a
 * suite's markers (a full run only: the document holds the latest full run).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { MachineDescription } from './machine';
import type { Measurement } from './result';

function format(value: number, unit: Measurement['unit']): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'count') return Math.round(value).toLocaleString('en-US');
  // A change: signed, so that growth and shrinkage read apart at a glance.
  if (unit === '%') return `${value > 0 ? '+' : ''}${value.toFixed(1)} %`;
  if (unit === 'share') return `${value.toFixed(1)} %`;
  // Download sizes: one decimal at any size, so that a chunk's change of 0.1 KB shows.
  if (unit === 'KB') return `${value.toFixed(1)} KB`;
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

export function markdownTable(measurements: readonly Measurement[]): string {
  const lines = [
    '| scale | measure | median | samples | baseline (same run) | ratio |',
    '|---|---|---:|---:|---|---:|',
  ];
  for (const m of measurements) {
    lines.push(
      [
        '',
        m.scale ?? '',
        m.name,
        format(m.value, m.unit),
        String(m.samples.length),
        m.baseline ? `${m.baseline.name}: ${format(m.baseline.value, m.unit)}` : '',
        m.ratio === null ? '' : `${m.ratio.toFixed(2)}×`,
        '',
      ]
        .join(' | ')
        .trim(),
    );
  }
  return lines.join('\n');
}

export function machineLine(machine: MachineDescription, date: string): string {
  return `Run ${date} on ${machine.cpu} (${machine.cores} cores, ${machine.memoryGiB} GiB), node ${machine.node}, ${machine.platform}.`;
}

/** Replaces the text between `<!-- bench:<suite> -->` and `<!-- /bench:<suite> -->`. */
export function writeSection(path: string, suite: string, body: string): void {
  const start = `<!-- bench:${suite} -->`;
  const end = `<!-- /bench:${suite} -->`;
  const text = readFileSync(path, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} has no ${start} … ${end} section`);
  writeFileSync(path, `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`);
}
