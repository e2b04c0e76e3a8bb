/**
 * The console's outbox against the demo backend over HTTP (msw/node), through the real HTTP
 * adapter: no operator action is lost and none is applied twice, whatever the network does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataAdapter } from '../../src/data/adapter';
import type { Alarm } from '../../src/data/alarm-schemas';
import { createHttpAdapter } from '../../src/data/http-adapter';
import { createOutbox, type Outbox } from '../../src/ops/alarms/outbox';
import { manualTime as newManualTime, type ManualTime } from '../support/manual-time';
import { MemoryStorage } from '../unit/ops/alarm-fixtures';
import { mswBackend } from './backends';

const backend = mswBackend();
const TAKEN_AT = '2026-01-15T08:30:00+08:00';
let spare: Alarm[] = [];

/** Requests go through msw/node: let each round's requests finish before looking. */
const manualTime = () => newManualTime(20, 5);

function outboxOn(adapter: DataAdapter, storage: Storage, time = manualTime()) {
  const seen: Alarm[] = [];
  const outbox = createOutbox({
    adapter,
    storage,
    onAlarm: (alarm) => seen.push(alarm),
    now: time.now,
    schedule: time.schedule,
  });
  outbox.start();
  return { outbox, seen, time };
}

async function settled(outbox: Outbox, time: ManualTime, rounds = 8) {
  for (let k = 0; k < rounds && outbox.snapshot().pending.length > 0; k++)
    await time.advance(60_000);
}

function nextAlarm(): Alarm {
  const alarm = spare.shift();
  if (!alarm) throw new Error('no open alarm left to act on');
  return alarm;
}

async function served(id: string): Promise<Alarm> {
  const response = await fetch(`${backend.baseUrl}/alarms/${id}`);
  return (await response.json()) as Alarm;
}

beforeAll(async () => {
  await backend.start();
  const { data } = await createHttpAdapter({ baseUrl: backend.baseUrl }).getAlarms();
  spare = data.alarms.filter((alarm) => alarm.status === 'open' && alarm.lifecycle.step === 'new');
  expect(spare.length).toBeGreaterThanOrEqual(4);
});
afterAll(() => backend.stop());

describe('the outbox over HTTP', () => {
  it('a write that fails twice is sent again and applied once', async () => {
    const alarm = nextAlarm();
    backend.faults.set('alarms', '500');
    const adapter = createHttpAdapter({ baseUrl: backend.baseUrl });
    const { outbox, time } = outboxOn(adapter, new MemoryStorage());
    outbox.enqueue(
      alarm.id,
      { actionId: 'retry-1', action: 'acknowledge', expectedVersion: 0 },
      TAKEN_AT,
    );
    await time.advance(0);
    await time.advance(60_000);
    expect(outbox.snapshot().pending[0]!.attempts).toBe(2);
    expect(outbox.snapshot().pending[0]!.lastError).toContain('HTTP 500');
    backend.faults.clear('alarms');
    await settled(outbox, time);
    expect(outbox.snapshot().pending).toEqual([]);
    const { lifecycle } = await served(alarm.id);
    expect(lifecycle.step).toBe('acknowledged');
    expect(lifecycle.history.map((entry) => entry.actionId)).toEqual(['retry-1']);
  });

  it('a write whose answers are lost is applied once, however often it is sent', async () => {
    const alarm = nextAlarm();
    let lost = 2;
    const adapter = createHttpAdapter({
      baseUrl: backend.baseUrl,
      // The request reaches the source, the answer never comes back (twice).
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method === 'POST' && lost-- > 0) throw new TypeError('connection reset');
        return response;
      },
    });
    const { outbox, time } = outboxOn(adapter, new MemoryStorage());
    outbox.enqueue(
      alarm.id,
      { actionId: 'lost-1', action: 'acknowledge', expectedVersion: 0 },
      TAKEN_AT,
    );
    outbox.enqueue(
      alarm.id,
      { actionId: 'lost-2', action: 'note', expectedVersion: 1, note: 'called the crew' },
      TAKEN_AT,
    );
    await time.advance(0);
    await settled(outbox, time);
    expect(outbox.snapshot()).toMatchObject({ pending: [], notices: [] });
    const { lifecycle } = await served(alarm.id);
    expect(lifecycle.history.map((entry) => entry.actionId)).toEqual(['lost-1', 'lost-2']);
    expect(lifecycle.version).toBe(1);
  });

  it('a write left pending when the page was closed is sent by the next page', async () => {
    const alarm = nextAlarm();
    const storage = new MemoryStorage();
    backend.faults.set('alarms', 'offline');
    const first = outboxOn(createHttpAdapter({ baseUrl: backend.baseUrl }), storage);
    first.outbox.enqueue(
      alarm.id,
      {
        actionId: 'reload-1',
        action: 'dispatch',
        expectedVersion: 0,
        department: 'fire-brigade',
        assignee: 'Engine 3',
      },
      TAKEN_AT,
    );
    await first.time.advance(0);
    first.outbox.stop();
    expect(first.outbox.snapshot().pending).toHaveLength(1);
    backend.faults.clear('alarms');

    const second = outboxOn(createHttpAdapter({ baseUrl: backend.baseUrl }), storage);
    await second.time.advance(0);
    await settled(second.outbox, second.time);
    expect(second.outbox.snapshot().pending).toEqual([]);
    const { lifecycle } = await served(alarm.id);
    expect(lifecycle).toMatchObject({
      step: 'dispatched',
      department: 'fire-brigade',
      assignee: 'Engine 3',
    });
  });

  it('of two operators acting on the same alarm, the later is refused and sees what happened', async () => {
    const alarm = nextAlarm();
    const a = outboxOn(createHttpAdapter({ baseUrl: backend.baseUrl }), new MemoryStorage());
    const b = outboxOn(createHttpAdapter({ baseUrl: backend.baseUrl }), new MemoryStorage());
    a.outbox.enqueue(
      alarm.id,
      { actionId: 'race-a', action: 'acknowledge', expectedVersion: 0 },
      TAKEN_AT,
    );
    await a.time.advance(0);
    b.outbox.enqueue(
      alarm.id,
      { actionId: 'race-b', action: 'resolve', expectedVersion: 0 },
      TAKEN_AT,
    );
    await b.time.advance(0);
    expect(b.outbox.snapshot().pending).toEqual([]);
    expect(b.outbox.snapshot().notices).toMatchObject([
      { alarmId: alarm.id, action: 'resolve', kind: 'conflict' },
    ]);
    // The refused operator's view is now the alarm as it stands: acknowledged by the other one.
    expect(b.seen.at(-1)!.lifecycle).toMatchObject({ step: 'acknowledged', version: 1 });
    expect((await served(alarm.id)).lifecycle.history.map((entry) => entry.actionId)).toEqual([
      'race-a',
    ]);
  });
});
