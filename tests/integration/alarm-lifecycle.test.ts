/**
 * The alarm lifecycle through HTTP (the handlers under msw/node), as operators' screens use it:
 * acknowledge, dispatch, arrive, resolve and close with notes at any step; a retried action is
 * applied once; a race or a step the alarm is not in answers 409 with the alarm as it stands;
 * hostile bodies answer 400 naming the field; replay shows the lifecycle of the time asked for;
 * a failing source fails the write without applying it; and the stream tells every screen.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MARKUP } from '../../mocks/handlers/hostile-bodies';
import type { AlarmView } from '../../mocks/handlers/alarm-view';
import { mswBackend, NOW } from './backends';
import { readEvents } from './sse';

const MINUTE = 60_000;
const backend = mswBackend();

interface Answer<T> {
  readonly status: number;
  readonly body: T;
}
interface ConflictBody {
  readonly error: { readonly code: string; readonly message: string };
  readonly alarm: AlarmView;
}
interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(`${backend.baseUrl}${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/** POSTs an action (an object, or raw text as a hostile client may send it). */
async function act<T = AlarmView>(
  alarmId: string,
  body: unknown,
  init: RequestInit = {},
): Promise<Answer<T>> {
  const response = await fetch(`${backend.baseUrl}/alarms/${alarmId}/actions`, {
    ...init,
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const alarm = (id: string, at?: number): Promise<AlarmView> =>
  get<AlarmView>(`/alarms/${id}${at === undefined ? '' : `?at=${encodeURIComponent(iso(at))}`}`);

/** The clock stands still at NOW + `minutes` (the test backend's wall clock is fixed). */
const jump = (minutes: number): unknown =>
  backend.world.clock.apply({ action: 'jump', time: NOW + minutes * MINUTE });

function iso(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00';
}

/** Alarms open at NOW and raised before it, one per test (lifecycles are shared by the world). */
let unused: string[] = [];
let cleared: string[] = [];
const freshAlarm = (): string => {
  const id = unused.shift();
  if (!id) throw new Error('the test city has run out of open alarms');
  return id;
};

beforeAll(async () => {
  await backend.start();
  const { alarms } = await get<{ alarms: AlarmView[] }>('/alarms');
  unused = alarms
    .filter((a) => a.status === 'open' && Date.parse(a.raisedAt) < NOW)
    .map((a) => a.id);
  cleared = alarms.filter((a) => a.status === 'cleared').map((a) => a.id);
  expect(unused.length).toBeGreaterThanOrEqual(10);
});
afterEach(() => {
  backend.faults.clearAll();
  backend.world.clock.apply({ action: 'live' });
});
afterAll(() => backend.stop());

describe('the alarm lifecycle', () => {
  it('starts new: version 0, since the raise, with no history', async () => {
    const served = await alarm(freshAlarm());
    expect(served.lifecycle).toEqual({
      step: 'new',
      version: 0,
      stepSince: served.raisedAt,
      department: null,
      assignee: null,
      history: [],
    });
  });

  it('goes acknowledge → dispatch → arrive → resolve → close, time-stamped', async () => {
    const id = freshAlarm();
    jump(1);
    const acknowledged = await act(id, {
      actionId: 'life-1',
      action: 'acknowledge',
      expectedVersion: 0,
      operator: 'Li Wei',
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.lifecycle).toMatchObject({
      step: 'acknowledged',
      version: 1,
      stepSince: '2026-01-15T08:31:00+08:00',
    });
    jump(2);
    const dispatch = {
      actionId: 'life-2',
      action: 'dispatch',
      expectedVersion: 1,
      department: 'fire-brigade',
      assignee: 'Engine 12',
    };
    expect((await act(id, dispatch)).body.lifecycle).toMatchObject({
      step: 'dispatched',
      version: 2,
      stepSince: '2026-01-15T08:32:00+08:00',
      department: 'fire-brigade',
      assignee: 'Engine 12',
    });
    jump(9);
    expect(
      (await act(id, { actionId: 'life-3', action: 'arrive', expectedVersion: 2 })).status,
    ).toBe(200);
    jump(30);
    const resolve = { actionId: 'life-4', action: 'resolve', expectedVersion: 3, note: 'out' };
    expect((await act(id, resolve)).status).toBe(200);
    jump(31);
    const closed = await act(id, { actionId: 'life-5', action: 'close', expectedVersion: 4 });
    expect(closed.status).toBe(200);
    expect(closed.body.id).toBe(id);
    const entry = (
      actionId: string,
      action: string,
      at: string,
      step: string,
      extra: object = {},
    ): object => ({
      actionId,
      action,
      at,
      step,
      department: null,
      assignee: null,
      note: null,
      operator: null,
      ...extra,
    });
    expect(closed.body.lifecycle).toEqual({
      step: 'closed',
      version: 5,
      stepSince: '2026-01-15T09:01:00+08:00',
      // Kept from the dispatch: who was sent.
      department: 'fire-brigade',
      assignee: 'Engine 12',
      history: [
        entry('life-1', 'acknowledge', '2026-01-15T08:31:00+08:00', 'acknowledged', {
          operator: 'Li Wei',
        }),
        entry('life-2', 'dispatch', '2026-01-15T08:32:00+08:00', 'dispatched', {
          department: 'fire-brigade',
          assignee: 'Engine 12',
        }),
        entry('life-3', 'arrive', '2026-01-15T08:39:00+08:00', 'on-scene'),
        entry('life-4', 'resolve', '2026-01-15T09:00:00+08:00', 'resolved', { note: 'out' }),
        entry('life-5', 'close', '2026-01-15T09:01:00+08:00', 'closed'),
      ],
    });
    // Every screen reads the same.
    expect(await alarm(id)).toEqual(closed.body);
  });

  it('takes notes at any step, whatever the version, without moving the alarm on', async () => {
    const id = freshAlarm();
    const note = (n: number, expectedVersion: number) =>
      act(id, { actionId: `note-${n}`, action: 'note', expectedVersion, note: `note ${n}` });
    expect((await note(1, 0)).body.lifecycle).toMatchObject({ step: 'new', version: 0 });
    await act(id, { actionId: 'note-ack', action: 'acknowledge', expectedVersion: 0 });
    expect((await note(2, 42)).body.lifecycle).toMatchObject({ step: 'acknowledged', version: 1 });
    await act(id, { actionId: 'note-res', action: 'resolve', expectedVersion: 1 });
    await act(id, { actionId: 'note-close', action: 'close', expectedVersion: 2 });
    const last = await note(3, 0);
    expect(last.status).toBe(200);
    expect(last.body.lifecycle.version).toBe(3);
    expect(last.body.lifecycle.history.map((e) => [e.action, e.step, e.note])).toEqual([
      ['note', 'new', 'note 1'],
      ['acknowledge', 'acknowledged', null],
      ['note', 'acknowledged', 'note 2'],
      ['resolve', 'resolved', null],
      ['close', 'closed', null],
      ['note', 'closed', 'note 3'],
    ]);
  });

  it('applies a retried action once: the repeat answers 200 with the alarm as it stands', async () => {
    const id = freshAlarm();
    const ack = { actionId: 'retry-1', action: 'acknowledge', expectedVersion: 0 };
    const first = await act(id, ack);
    const second = await act(id, ack);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toEqual(first.body);
    expect(second.body.lifecycle.history).toHaveLength(1);
    // Even after a later action: not applied again, the current alarm.
    await act(id, {
      actionId: 'retry-2',
      action: 'dispatch',
      expectedVersion: 1,
      department: 'drainage',
    });
    const late = await act(id, ack);
    expect(late.status).toBe(200);
    expect(late.body.lifecycle).toMatchObject({ step: 'dispatched', version: 2 });
    expect(late.body.lifecycle.history).toHaveLength(2);
    // The same id on another alarm is someone else's action: refused.
    const elsewhere = await act<ConflictBody>(freshAlarm(), ack);
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.body.error.code).toBe('conflict');
    expect(elsewhere.body.alarm.lifecycle.version).toBe(0);
  });

  it('lets only one of two operators acknowledge: the other gets 409 with the alarm', async () => {
    const id = freshAlarm();
    const [a, b] = await Promise.all([
      act(id, { actionId: 'race-a', action: 'acknowledge', expectedVersion: 0, operator: 'A' }),
      act(id, { actionId: 'race-b', action: 'acknowledge', expectedVersion: 0, operator: 'B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = (a.status === 200 ? [a, b] : [b, a]) as [
      Answer<AlarmView>,
      Answer<unknown>,
    ];
    const conflict = lost.body as ConflictBody;
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.error.message).toMatch(
      /^acknowledged by another operator \([AB]\) at 2026-01-15T08:30:00\+08:00/,
    );
    expect(conflict.alarm).toEqual(won.body);
    expect(conflict.alarm.lifecycle).toMatchObject({ step: 'acknowledged', version: 1 });
    expect((await alarm(id)).lifecycle.history).toHaveLength(1);
  });

  it('refuses an action the current step does not allow (409, saying why)', async () => {
    const id = freshAlarm();
    const arrive = await act<ConflictBody>(id, {
      actionId: 'step-1',
      action: 'arrive',
      expectedVersion: 0,
    });
    expect(arrive.status).toBe(409);
    expect(arrive.body.error.message).toBe('cannot arrive: the alarm is new, not dispatched');
    expect(arrive.body.alarm.lifecycle.step).toBe('new');
    await act(id, { actionId: 'step-2', action: 'acknowledge', expectedVersion: 0 });
    const close = await act<ConflictBody>(id, {
      actionId: 'step-3',
      action: 'close',
      expectedVersion: 1,
    });
    expect(close.status).toBe(409);
    expect(close.body.error.message).toBe('cannot close: the alarm is acknowledged, not resolved');
    // A refused action id was not used up: it may be sent again once it makes sense.
    await act(id, { actionId: 'step-4', action: 'resolve', expectedVersion: 1 });
    expect(
      (await act(id, { actionId: 'step-3', action: 'close', expectedVersion: 2 })).status,
    ).toBe(200);
  });

  it('acts on alarms cleared within the last hours too, and answers 404 for others', async () => {
    const id = cleared[0];
    expect(id).toBeDefined();
    const resolved = await act(id!, {
      actionId: 'cleared-1',
      action: 'resolve',
      expectedVersion: 0,
    });
    expect(resolved.status).toBe(409); // new alarms cannot be resolved before acknowledging
    const ack = await act(id!, {
      actionId: 'cleared-2',
      action: 'acknowledge',
      expectedVersion: 0,
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ status: 'cleared', lifecycle: { step: 'acknowledged' } });
    const missing = await act<ErrorBody>('al-nope', {
      actionId: 'missing-1',
      action: 'acknowledge',
      expectedVersion: 0,
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
  });

  it('is open outside demo mode (a wall screen acts like any other)', async () => {
    const id = freshAlarm();
    const response = await fetch(`${backend.readOnlyBaseUrl}/alarms/${id}/actions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ actionId: 'ro-1', action: 'acknowledge', expectedVersion: 0 }),
    });
    expect(response.status).toBe(200);
    expect((await alarm(id)).lifecycle.step).toBe('acknowledged');
  });
});

describe('bad action bodies', () => {
  const valid = { actionId: 'bad-0', action: 'acknowledge', expectedVersion: 0 };
  const cases: readonly [string, unknown, RegExp][] = [
    ['an empty action id', { ...valid, actionId: '' }, /^actionId must be 1 to 64/],
    ['a long action id', { ...valid, actionId: 'a'.repeat(65) }, /^actionId /],
    ['markup for an action id', { ...valid, actionId: MARKUP }, /^actionId /],
    ['a number for an action id', { ...valid, actionId: 7 }, /^actionId /],
    ['no action id', { action: 'acknowledge', expectedVersion: 0 }, /^actionId is required/],
    ['an unknown action', { ...valid, action: 'delete' }, /^action must be one of acknowledge,/],
    ['no action', { actionId: 'bad-1', expectedVersion: 0 }, /^action is required/],
    ['a string version', { ...valid, expectedVersion: '0' }, /^expectedVersion must be an integer/],
    ['a negative version', { ...valid, expectedVersion: -1 }, /^expectedVersion /],
    ['a fractional version', { ...valid, expectedVersion: 1.5 }, /^expectedVersion /],
    [
      'an infinite version',
      '{"actionId":"bad-2","action":"acknowledge","expectedVersion":1e999}',
      /^expectedVersion /,
    ],
    [
      'no version',
      { actionId: 'bad-3', action: 'note', note: 'x' },
      /^expectedVersion is required/,
    ],
    [
      'an unknown department',
      { ...valid, action: 'dispatch', department: 'police' },
      /^department must be one of traffic-police,/,
    ],
    [
      'a dispatch without department',
      { ...valid, action: 'dispatch' },
      /^department is required for dispatch/,
    ],
    [
      'a long assignee',
      { ...valid, assignee: 'x'.repeat(81) },
      /^assignee must be a string of at most 80/,
    ],
    ['a number for an assignee', { ...valid, assignee: 5 }, /^assignee /],
    ['a null operator', { ...valid, operator: null }, /^operator /],
    ['a long operator', { ...valid, operator: 'o'.repeat(81) }, /^operator /],
    [
      'a megabyte of note',
      { ...valid, note: MARKUP + 'n'.repeat(1024 * 1024) },
      /^note must be a string of at most 2000/,
    ],
    ['a blank note', { ...valid, action: 'note', note: ' \n\t ' }, /^note is required for a note/],
    ['a note without text', { ...valid, action: 'note' }, /^note is required for a note/],
    ['an object for a note', { ...valid, note: { $gt: '' } }, /^note /],
    ['an unknown key', { ...valid, admin: true }, /^unknown field "admin"/],
    ['markup for a key', { ...valid, [MARKUP]: 1 }, /^unknown field "<img src=x onerror=/],
    [
      'a prototype key',
      '{"actionId":"bad-4","action":"acknowledge","expectedVersion":0,"__proto__":{"admin":true}}',
      /^unknown field "__proto__"/,
    ],
    ['an array', [valid], /^the body must be a JSON object/],
    ['null', 'null', /^the body must be a JSON object/],
    ['text', 'acknowledge please', /^the body must be a JSON object/],
    ['nothing', '', /^the body must be a JSON object/],
    [
      'three megabytes',
      JSON.stringify({ ...valid, note: 'n'.repeat(3 * 1024 * 1024) }),
      /^the body is larger/,
    ],
  ];

  it.each(cases)('answers 400 to %s, naming what is wrong', async (_what, body, message) => {
    const id = unused[0]!;
    const answer = await act<ErrorBody>(id, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('bad_request');
    expect(answer.body.error.message).toMatch(message);
    expect(answer.body.error.message.length).toBeLessThanOrEqual(400);
  });

  it('applied none of them', async () => {
    const served = await alarm(unused[0]!);
    expect(served.lifecycle).toMatchObject({ version: 0, history: [] });
  });
});

describe('replay', () => {
  it('shows the lifecycle as it was at the time asked for, the same every time', async () => {
    const id = freshAlarm();
    await act(id, { actionId: 'replay-1', action: 'acknowledge', expectedVersion: 0 });
    jump(5);
    await act(id, {
      actionId: 'replay-2',
      action: 'dispatch',
      expectedVersion: 1,
      department: 'drainage',
    });
    jump(10);
    const before = await alarm(id, NOW - 1_000);
    expect(before.lifecycle).toMatchObject({ step: 'new', version: 0, history: [] });
    const between = await alarm(id, NOW + 2 * MINUTE);
    expect(between.lifecycle).toMatchObject({
      step: 'acknowledged',
      version: 1,
      stepSince: '2026-01-15T08:30:00+08:00',
    });
    expect(between.lifecycle.history.map((e) => e.actionId)).toEqual(['replay-1']);
    // The action's own time includes it.
    expect((await alarm(id, NOW + 5 * MINUTE)).lifecycle.version).toBe(2);
    expect((await alarm(id)).lifecycle.step).toBe('dispatched');
    // The list at a past time too, and the same answer when asked again.
    const at = encodeURIComponent(iso(NOW + 2 * MINUTE));
    const list = await get<{ alarms: AlarmView[] }>(`/alarms?at=${at}`);
    expect(list.alarms.find((a) => a.id === id)?.lifecycle).toEqual(between.lifecycle);
    expect(await get(`/alarms?at=${at}`)).toEqual(list);
    expect(await alarm(id, NOW + 2 * MINUTE)).toEqual(between);
  });
});

describe('a failing source', () => {
  const ack = { actionId: 'fault-ack', action: 'acknowledge', expectedVersion: 0 };

  it('fails the write with alarms:500, and the same action id succeeds once after', async () => {
    const id = freshAlarm();
    backend.faults.parse('alarms:500');
    const failed = await act<ErrorBody>(id, ack);
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('internal');
    backend.faults.clear('alarms');
    expect((await alarm(id)).lifecycle.version).toBe(0);
    const applied = await act(id, ack);
    expect(applied.status).toBe(200);
    expect(applied.body.lifecycle.version).toBe(1);
    const retried = await act(id, ack);
    expect(retried.status).toBe(200);
    expect(retried.body.lifecycle.history).toHaveLength(1);
  });

  it('hangs with timeout until the client gives up, and fails with offline; nothing applied', async () => {
    const id = freshAlarm();
    backend.faults.set('alarms', 'timeout');
    const aborter = new AbortController();
    setTimeout(() => aborter.abort(), 200);
    await expect(
      act(id, { ...ack, actionId: 'fault-2' }, { signal: aborter.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    backend.faults.set('alarms', 'offline');
    await expect(act(id, { ...ack, actionId: 'fault-2' })).rejects.toThrow(TypeError);
    backend.faults.clearAll();
    expect((await alarm(id)).lifecycle.version).toBe(0);
  });
});

describe('every alarm says where it is', () => {
  it('with a district of GET /areas, a point inside its box, and the box inside the city', async () => {
    const areas = await get<{ features: { id: string }[] }>('/areas');
    const catalog = await get<{ city: { bbox: [number, number, number, number] } }>('/catalog');
    const [west, south, east, north] = catalog.city.bbox;
    const { alarms } = await get<{ alarms: AlarmView[] }>('/alarms');
    expect(alarms.length).toBeGreaterThan(0);
    for (const served of alarms) {
      expect(
        areas.features.map((f) => f.id),
        served.id,
      ).toContain(served.areaId);
      const [lon, lat] = served.position;
      const [minLon, minLat, maxLon, maxLat] = served.bbox;
      expect(minLon <= lon && lon <= maxLon && minLat <= lat && lat <= maxLat, served.id).toBe(
        true,
      );
      expect(
        west <= minLon && maxLon <= east && south <= minLat && maxLat <= north,
        served.id,
      ).toBe(true);
    }
  });
});

describe('the stream', () => {
  it('sends an alarm event when an operator acts, within a tick', { timeout: 20_000 }, async () => {
    const id = freshAlarm();
    const response = await fetch(`${backend.baseUrl}/stream?datasets=fire.hydrants`);
    let actedAt = 0;
    const events = await readEvents(
      response,
      (seen) =>
        seen.some((e) => e.event === 'alarm' && (JSON.parse(e.data) as AlarmView).id === id),
      {
        timeoutMs: 5_000,
        onEvent: (event) => {
          if (event.event !== 'alarms' || actedAt) return;
          actedAt = Date.now();
          void act(id, { actionId: 'stream-1', action: 'acknowledge', expectedVersion: 0 });
        },
      },
    );
    const sent = events.find(
      (e) => e.event === 'alarm' && (JSON.parse(e.data) as AlarmView).id === id,
    );
    expect(sent).toBeDefined();
    expect((JSON.parse(sent!.data) as AlarmView).lifecycle).toMatchObject({
      step: 'acknowledged',
      version: 1,
    });
    expect(Date.now() - actedAt).toBeLessThan(2_000);
  });
});
