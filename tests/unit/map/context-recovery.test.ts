import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECOVERY_POLICY,
  INITIAL_RECOVERY_STATE,
  lossesWithin,
  nextRecoveryState,
  noticeFor,
  type RecoveryEvent,
  type RecoveryPhase,
  type RecoveryState,
} from '../../../src/map/context-recovery';

const MINUTE = 60_000;
const policy = DEFAULT_RECOVERY_POLICY;

function state(
  phase: RecoveryPhase,
  losses: readonly number[] = [],
  generation = 0,
): RecoveryState {
  return { phase, losses, generation };
}

/** Feeds events in order from the initial state. */
function run(events: readonly RecoveryEvent[]): RecoveryState {
  return events.reduce<RecoveryState>(
    (current, event) => nextRecoveryState(current, event, policy),
    INITIAL_RECOVERY_STATE,
  );
}

/** One loss at `at` that the browser restores and the new map survives. */
const recovered = (at: number): RecoveryEvent[] => [
  { type: 'lost', at },
  { type: 'restored' },
  { type: 'loaded' },
];

describe('lossesWithin', () => {
  it.each([
    [[], 0, []],
    [[0], 9 * MINUTE, [0]],
    [[0], 10 * MINUTE, []],
    [[0, 5 * MINUTE, 9 * MINUTE], 12 * MINUTE, [5 * MINUTE, 9 * MINUTE]],
    [[0, 1, 2], 2, [0, 1, 2]],
  ] as const)('of %j, those in the 10 minutes before %d: %j', (losses, now, kept) => {
    expect(lossesWithin(losses, now, 10 * MINUTE)).toEqual(kept);
  });
});

describe('nextRecoveryState: one event', () => {
  const at = 1_000;
  // A table: one row a line reads better than what the formatter would make of it.
  // prettier-ignore
  it.each<[string, RecoveryState, RecoveryEvent, RecoveryState]>([
    ['a first loss waits for the context',            state('running'),              { type: 'lost', at },             state('lost', [at])],
    ['a restore recreates the map',                   state('lost', [at]),           { type: 'restored' },             state('recreating', [at], 1)],
    ['no restore in time recreates it anyway',        state('lost', [at]),           { type: 'restore-timeout' },      state('recreating', [at], 1)],
    ['the recreated map loading ends the recovery',   state('recreating', [at], 1),  { type: 'loaded' },               state('running', [at], 1)],
    ['a late restore after the timeout: no change',   state('recreating', [at], 1),  { type: 'restored' },             state('recreating', [at], 1)],
    ['a timeout after the restore: no change',        state('recreating', [at], 1),  { type: 'restore-timeout' },      state('recreating', [at], 1)],
    ['a restore of a map not lost: no change',        state('running'),              { type: 'restored' },             state('running')],
    ['the first map loading: no change',              state('running'),              { type: 'loaded' },               state('running')],
    ['a lost map loading late: no change',            state('lost', [at]),           { type: 'loaded' },               state('lost', [at])],
    ['a recreated map without a context gives up',    state('recreating', [at], 1),  { type: 'creation-failed' },      state('given-up', [at], 1)],
    ['the first map without one does not (no cure)',  state('running'),              { type: 'creation-failed' },      state('running')],
    ['a loss while the new map starts counts',        state('recreating', [0], 1),   { type: 'lost', at },             state('lost', [0, at], 1)],
    ['the third loss in 10 minutes gives up',         state('running', [0, 4 * MINUTE], 2), { type: 'lost', at: 9 * MINUTE },  state('given-up', [0, 4 * MINUTE, 9 * MINUTE], 2)],
    ['a third loss with one older does not',          state('running', [0, 4 * MINUTE], 2), { type: 'lost', at: 11 * MINUTE }, state('lost', [4 * MINUTE, 11 * MINUTE], 2)],
    ['giving up is final: a loss',                    state('given-up', [0, 1, 2], 2), { type: 'lost', at: 3 },        state('given-up', [0, 1, 2], 2)],
    ['giving up is final: a restore',                 state('given-up', [0, 1, 2], 2), { type: 'restored' },           state('given-up', [0, 1, 2], 2)],
    ['giving up is final: a load',                    state('given-up', [0, 1, 2], 2), { type: 'loaded' },             state('given-up', [0, 1, 2], 2)],
  ])('%s', (_name, before, event, after) => {
    expect(nextRecoveryState(before, event, policy)).toEqual(after);
  });
});

describe('nextRecoveryState: over a wall screen’s days', () => {
  it.each<[string, RecoveryEvent[], RecoveryPhase, number]>([
    ['no loss', [], 'running', 0],
    ['one loss, restored', recovered(0), 'running', 1],
    [
      'one loss, never restored',
      [{ type: 'lost', at: 0 }, { type: 'restore-timeout' }, { type: 'loaded' }],
      'running',
      1,
    ],
    ['two losses in a minute', [...recovered(0), ...recovered(MINUTE)], 'running', 2],
    [
      'three losses in 10 minutes',
      [...recovered(0), ...recovered(4 * MINUTE), { type: 'lost', at: 9 * MINUTE }],
      'given-up',
      2,
    ],
    [
      'a loss every 6 minutes for an hour',
      Array.from({ length: 10 }, (_, i) => recovered(i * 6 * MINUTE)).flat(),
      'running',
      10,
    ],
    [
      'a loss a day for a week',
      Array.from({ length: 7 }, (_, i) => recovered(i * 24 * 60 * MINUTE)).flat(),
      'running',
      7,
    ],
    [
      'the new map cannot get a context',
      [{ type: 'lost', at: 0 }, { type: 'restored' }, { type: 'creation-failed' }],
      'given-up',
      1,
    ],
  ])('%s: ends %s after %d recreation(s)', (_name, events, phase, generation) => {
    const end = run(events);
    expect(end.phase).toBe(phase);
    expect(end.generation).toBe(generation);
  });

  it('never keeps more losses than the window holds', () => {
    const end = run(Array.from({ length: 100 }, (_, i) => recovered(i * 6 * MINUTE)).flat());
    expect(end.losses).toEqual([588 * MINUTE, 594 * MINUTE]);
  });
});

describe('noticeFor', () => {
  it.each([
    ['running', null],
    ['lost', 'restoring'],
    ['recreating', 'restoring'],
    ['given-up', 'failed'],
  ] as const)('%s → %s', (phase, notice) => {
    expect(noticeFor(phase)).toBe(notice);
  });
});
