import { describe, expect, it, vi } from 'vitest';
import type { DataAdapter } from '../../../src/data/adapter';
import { applyAction } from '../../../src/data/alarm-lifecycle';
import type { AlarmAction, AlarmActionResult } from '../../../src/data/alarm-schemas';
import { AdapterError } from '../../../src/data/errors';
import {
  createOutbox,
  OUTBOX_STORAGE_KEY,
  type OutboxOptions,
} from '../../../src/ops/alarms/outbox';
import { withPending } from '../../../src/ops/alarms/optimistic';
import { manualTime } from '../../support/manual-time';
import { makeAlarm, MemoryStorage } from './alarm-fixtures';

const AT = '2026-01-15T08:05:00+08:00';
const down = () =>
  new AdapterError('network', 'alarms: source unreachable', { resource: 'alarms' });

function acknowledge(actionId = 'act-1', expectedVersion = 0): AlarmAction {
  return { actionId, action: 'acknowledge', expectedVersion };
}

/** A source that applies actions to one alarm, once per actionId, after `failures` failures. */
function fakeSource(failures: (() => Error)[] = []) {
  let alarm = makeAlarm();
  const seen = new Set<string>();
  const calls: AlarmAction[] = [];
  const actOnAlarm = vi.fn(async (_id: string, action: AlarmAction): Promise<AlarmActionResult> => {
    calls.push(action);
    const failure = failures.shift();
    if (failure) throw failure();
    if (!seen.has(action.actionId)) {
      if (action.action !== 'note' && action.expectedVersion !== alarm.lifecycle.version)
        return { kind: 'conflict', message: 'acknowledged by another operator', alarm };
      seen.add(action.actionId);
      alarm = { ...alarm, lifecycle: applyAction(alarm.lifecycle, action, AT) };
    }
    return { kind: 'applied', alarm };
  });
  return {
    adapter: { actOnAlarm } as unknown as DataAdapter,
    calls,
    current: () => alarm,
    actOnAlarm,
    setAlarm: (next: typeof alarm) => (alarm = next),
  };
}

function outboxWith(source: ReturnType<typeof fakeSource>, storage: Storage, time = manualTime()) {
  const seen: string[] = [];
  const options: OutboxOptions = {
    adapter: source.adapter,
    storage,
    onAlarm: (alarm) => seen.push(`${alarm.id}@${alarm.lifecycle.version}`),
    now: time.now,
    schedule: time.schedule,
  };
  const outbox = createOutbox(options);
  outbox.start();
  return { outbox, seen, time };
}

describe('the outbox of operator actions', () => {
  it('retries a write that fails twice, and it is applied once', async () => {
    const source = fakeSource([down, down]);
    const { outbox, seen, time } = outboxWith(source, new MemoryStorage());
    outbox.enqueue('a-1', acknowledge(), AT);
    await time.advance(0);
    expect(outbox.snapshot().pending).toHaveLength(1);
    expect(outbox.snapshot().pending[0]!.lastError).toContain('unreachable');
    await time.advance(60_000);
    await time.advance(60_000);
    expect(source.calls.map((c) => c.actionId)).toEqual(['act-1', 'act-1', 'act-1']);
    expect(outbox.snapshot().pending).toEqual([]);
    expect(source.current().lifecycle.history).toHaveLength(1);
    expect(seen).toEqual(['a-1@1']);
  });

  it('backs off between attempts instead of hammering a source that is down', async () => {
    const source = fakeSource([down, down, down, down]);
    const { outbox, time } = outboxWith(source, new MemoryStorage());
    outbox.enqueue('a-1', acknowledge(), AT);
    await time.advance(0);
    await time.advance(900);
    expect(source.calls).toHaveLength(1);
    await time.advance(200);
    expect(source.calls).toHaveLength(2);
    await time.advance(1_500);
    expect(source.calls).toHaveLength(2);
  });

  it('sends an action left pending by the last session after a reload', async () => {
    const storage = new MemoryStorage();
    const first = outboxWith(fakeSource([down, down, down, down, down]), storage);
    first.outbox.enqueue('a-1', acknowledge(), AT);
    await first.time.advance(0);
    first.outbox.stop();
    expect(JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY)!).pending).toHaveLength(1);

    const source = fakeSource();
    const second = outboxWith(source, storage);
    expect(second.outbox.snapshot().pending).toHaveLength(1);
    await second.time.advance(0);
    expect(source.calls.map((c) => c.actionId)).toEqual(['act-1']);
    expect(second.outbox.snapshot().pending).toEqual([]);
    expect(JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY)!).pending).toEqual([]);
  });

  it('ignores whatever else is stored under its key', async () => {
    const storage = new MemoryStorage();
    storage.setItem(
      OUTBOX_STORAGE_KEY,
      '{"version":1,"pending":[{"alarmId":"<img>","action":{}}]}',
    );
    expect(outboxWith(fakeSource(), storage).outbox.snapshot().pending).toEqual([]);
    storage.setItem(OUTBOX_STORAGE_KEY, 'not json');
    expect(outboxWith(fakeSource(), storage).outbox.snapshot().pending).toEqual([]);
  });

  it('sends one alarm’s actions in order, each after the previous is confirmed', async () => {
    const source = fakeSource();
    const { outbox, time } = outboxWith(source, new MemoryStorage());
    outbox.enqueue('a-1', acknowledge('act-1', 0), AT);
    outbox.enqueue(
      'a-1',
      { actionId: 'act-2', action: 'dispatch', expectedVersion: 1, department: 'water-utility' },
      AT,
    );
    await time.advance(0);
    await time.advance(0);
    expect(source.calls.map((c) => c.actionId)).toEqual(['act-1', 'act-2']);
    expect(source.current().lifecycle.step).toBe('dispatched');
  });

  it('drops a conflicting action and the moves queued on it, keeps notes, and says why', async () => {
    const source = fakeSource();
    source.setAlarm(
      makeAlarm({ lifecycle: applyAction(makeAlarm().lifecycle, acknowledge('other', 0), AT) }),
    );
    const { outbox, seen, time } = outboxWith(source, new MemoryStorage());
    outbox.enqueue('a-1', acknowledge('act-1', 0), AT);
    outbox.enqueue('a-1', { actionId: 'act-2', action: 'resolve', expectedVersion: 1 }, AT);
    outbox.enqueue(
      'a-1',
      { actionId: 'act-3', action: 'note', expectedVersion: 2, note: 'called' },
      AT,
    );
    await time.advance(0);
    await time.advance(0);
    const { pending, notices } = outbox.snapshot();
    expect(notices).toMatchObject([
      { alarmId: 'a-1', action: 'acknowledge', kind: 'conflict', step: 'acknowledged' },
    ]);
    expect(notices[0]!.message).toContain('another operator');
    expect(pending).toEqual([]);
    expect(source.calls.map((c) => c.actionId)).toEqual(['act-1', 'act-3']);
    expect(seen[0]).toBe('a-1@1');
  });

  it('drops an action the source will never accept, with a notice', async () => {
    const source = fakeSource([
      () =>
        new AdapterError('http', 'alarms: HTTP 400 (note: required)', {
          resource: 'alarms',
          status: 400,
        }),
    ]);
    const { outbox, time } = outboxWith(source, new MemoryStorage());
    outbox.enqueue('a-1', { actionId: 'act-1', action: 'note', expectedVersion: 0 }, AT);
    await time.advance(0);
    await time.advance(60_000);
    expect(source.calls).toHaveLength(1);
    expect(outbox.snapshot().notices).toMatchObject([{ kind: 'rejected' }]);
    outbox.dismiss(outbox.snapshot().notices[0]!.id);
    expect(outbox.snapshot().notices).toEqual([]);
  });
});

describe('an alarm as the operator sees it', () => {
  it('shows pending actions at once, and confirmed ones only once', () => {
    const pending = [
      {
        alarmId: 'a-1',
        action: acknowledge('act-1', 0),
        takenAt: AT,
        attempts: 0,
        lastError: null,
        retryAt: 0,
      },
      {
        alarmId: 'a-2',
        action: acknowledge('act-9', 0),
        takenAt: AT,
        attempts: 0,
        lastError: null,
        retryAt: 0,
      },
    ];
    const viewed = withPending(makeAlarm(), pending);
    expect(viewed.lifecycle.step).toBe('acknowledged');
    expect(viewed.lifecycle.stepSince).toBe(AT);
    expect(viewed.pendingActionIds).toEqual(['act-1']);

    const confirmed = makeAlarm({
      lifecycle: applyAction(makeAlarm().lifecycle, acknowledge('act-1', 0), AT),
    });
    const again = withPending(confirmed, pending);
    expect(again.lifecycle.history).toHaveLength(1);
    expect(again.pendingActionIds).toEqual([]);
  });
});
