/**
 * The outbox of operator actions: no action is lost. Each action is kept (in localStorage, so
 * a reload does not lose it) until the source confirms it, sent again with back-off while the
 * network or the source fails (the same `actionId`, so the source applies it once), and dropped
 * with a notice only when the source refuses it: a conflict (the alarm moved on meanwhile) or a
 * request it will never accept. Actions on one alarm go in the order they were taken; alarms do
 * not wait for each other.
 */
import { z } from 'zod';
import type { DataAdapter } from '../../data/adapter';
import { changesStep } from '../../data/alarm-lifecycle';
import {
  ALARM_ACTIONS,
  type Alarm,
  type AlarmAction,
  type AlarmActionKind,
  type LifecycleStep,
} from '../../data/alarm-schemas';
import { isAdapterError } from '../../data/errors';

export interface PendingAction {
  readonly alarmId: string;
  readonly action: AlarmAction;
  /** When the operator took it (the page's display time, ISO), for the audit trail meanwhile. */
  readonly takenAt: string;
  readonly attempts: number;
  readonly lastError: string | null;
  /** Wall-clock ms before which it is not sent again. */
  readonly retryAt: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

interface NoticeOf {
  readonly id: string;
  readonly alarmId: string;
  readonly action: AlarmActionKind;
  /** The source's own words, in its language. */
  readonly message: string;
}

export type OutboxNotice =
  /** `step`: where the alarm is now, which the page says in its own language. */
  | (NoticeOf & { readonly kind: 'conflict'; readonly step: LifecycleStep })
  | (NoticeOf & { readonly kind: 'rejected' });

export interface OutboxSnapshot {
  readonly pending: readonly PendingAction[];
  readonly notices: readonly OutboxNotice[];
}

export interface Outbox {
  /** Queues an action (it is sent at once if nothing for that alarm is ahead of it). */
  enqueue(alarmId: string, action: AlarmAction, takenAt: string): void;
  snapshot(): OutboxSnapshot;
  subscribe(listener: () => void): () => void;
  dismiss(noticeId: string): void;
  /** Sends what is due now (also called by the timer); for tests. */
  flush(): Promise<void>;
  /** Starts sending (what the last session left first); `stop` pauses it (an unmounted page). */
  start(): void;
  stop(): void;
}

export interface OutboxOptions {
  readonly adapter: DataAdapter;
  /** Where pending actions survive a reload; null keeps them in memory only. */
  readonly storage: Storage | null;
  readonly storageKey?: string;
  /** The source confirmed an action (or refused it): this is the alarm as it now stands. */
  readonly onAlarm: (alarm: Alarm) => void;
  readonly now?: () => number;
  /** The outbox's own timer; tests pass a manual one. */
  readonly schedule?: (run: () => void, delayMs: number) => () => void;
}

export const OUTBOX_STORAGE_KEY = 'cityops.outbox';
const MAX_BACKOFF_MS = 30_000;
/** Notices kept for the operator to read (older ones drop off). */
const MAX_NOTICES = 20;

/** 1 s, 2 s, 4 s … up to 30 s between attempts. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** Math.max(0, attempts - 1));
}

/** Failures the same request may get past later: the network, a timeout, the source's trouble. */
function isTransient(error: unknown): boolean {
  if (!isAdapterError(error)) return true;
  if (error.kind === 'http') {
    const status = error.status ?? 0;
    return status >= 500 || status === 408 || status === 429;
  }
  return error.kind !== 'invalid-response' && error.kind !== 'unsupported';
}

const storedSchema = z.object({
  version: z.literal(1),
  pending: z
    .array(
      z.object({
        alarmId: z.string().min(1).max(128),
        action: z.object({
          actionId: z.string().min(1).max(64),
          action: z.enum(ALARM_ACTIONS),
          expectedVersion: z.number().int().min(0),
          department: z.string().max(64).optional(),
          assignee: z.string().max(80).optional(),
          note: z.string().max(2000).optional(),
          operator: z.string().max(80).optional(),
        }),
        takenAt: z.string().max(40),
        attempts: z.number().int().min(0),
        lastError: z.string().max(400).nullable(),
        retryAt: z.number(),
      }),
    )
    .max(1000),
});

function load(storage: Storage | null, key: string): PendingAction[] {
  if (!storage) return [];
  try {
    const raw = storage.getItem(key);
    if (!raw) return [];
    const parsed = storedSchema.safeParse(JSON.parse(raw));
    // Whatever else is there (an older format, a hand edit) is not sent to the source.
    return parsed.success ? parsed.data.pending.map((p) => ({ ...p, retryAt: 0 })) : [];
  } catch {
    return [];
  }
}

export function createOutbox(options: OutboxOptions): Outbox {
  const key = options.storageKey ?? OUTBOX_STORAGE_KEY;
  const now = options.now ?? Date.now;
  const schedule =
    options.schedule ??
    ((run: () => void, delayMs: number) => {
      const timer = setTimeout(run, delayMs);
      return () => clearTimeout(timer);
    });
  let pending = load(options.storage, key);
  let notices: OutboxNotice[] = [];
  let snapshot: OutboxSnapshot = { pending, notices };
  const listeners = new Set<() => void>();
  /** Alarms with a request on its way: one at a time per alarm keeps their order. */
  const inFlight = new Set<string>();
  let cancelTimer: (() => void) | null = null;
  let stopped = true;

  const changed = (): void => {
    snapshot = { pending, notices };
    try {
      options.storage?.setItem(key, JSON.stringify({ version: 1, pending }));
    } catch {
      // Storage full or blocked: the actions still go out from memory.
    }
    for (const listener of listeners) listener();
  };

  const notify = (notice: DistributiveOmit<OutboxNotice, 'id'>): void => {
    notices = [...notices, { ...notice, id: `${notice.alarmId}:${now()}:${notices.length}` }].slice(
      -MAX_NOTICES,
    );
  };

  const replace = (actionId: string, next: PendingAction | null): void => {
    pending = pending.flatMap((p) => (p.action.actionId !== actionId ? [p] : next ? [next] : []));
  };

  const wake = (): void => {
    if (stopped) return;
    cancelTimer?.();
    cancelTimer = null;
    const heads = nextPerAlarm().filter((p) => !inFlight.has(p.alarmId));
    if (heads.length === 0) return;
    const due = Math.max(0, Math.min(...heads.map((p) => p.retryAt)) - now());
    cancelTimer = schedule(() => void flush(), due);
  };

  const nextPerAlarm = (): PendingAction[] => {
    const seen = new Set<string>();
    return pending.filter((p) => !seen.has(p.alarmId) && seen.add(p.alarmId));
  };

  const send = async (item: PendingAction): Promise<void> => {
    inFlight.add(item.alarmId);
    try {
      const result = await options.adapter.actOnAlarm(item.alarmId, item.action);
      if (result.kind === 'applied') {
        replace(item.action.actionId, null);
      } else {
        // The alarm moved on: this action and the later moves queued on top of it no longer
        // apply (notes still do: they never conflict).
        const dropped = new Set(
          pending
            .filter(
              (p) =>
                p.alarmId === item.alarmId &&
                (p === item || changesStep(p.action.action)) &&
                pending.indexOf(p) >= pending.indexOf(item),
            )
            .map((p) => p.action.actionId),
        );
        pending = pending.filter((p) => !dropped.has(p.action.actionId));
        notify({
          alarmId: item.alarmId,
          action: item.action.action,
          kind: 'conflict',
          message: result.message,
          step: result.alarm.lifecycle.step,
        });
      }
      options.onAlarm(result.alarm);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isTransient(error)) {
        const attempts = item.attempts + 1;
        replace(item.action.actionId, {
          ...item,
          attempts,
          lastError: message,
          retryAt: now() + retryDelayMs(attempts),
        });
      } else {
        replace(item.action.actionId, null);
        notify({ alarmId: item.alarmId, action: item.action.action, kind: 'rejected', message });
      }
    } finally {
      inFlight.delete(item.alarmId);
    }
    changed();
  };

  const flush = async (): Promise<void> => {
    if (stopped) return;
    const due = nextPerAlarm().filter((p) => !inFlight.has(p.alarmId) && p.retryAt <= now());
    await Promise.all(due.map(send));
    wake();
  };

  return {
    enqueue: (alarmId, action, takenAt) => {
      pending = [
        ...pending,
        { alarmId, action, takenAt, attempts: 0, lastError: null, retryAt: 0 },
      ];
      changed();
      if (!stopped) void flush();
    },
    snapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dismiss: (noticeId) => {
      notices = notices.filter((notice) => notice.id !== noticeId);
      changed();
    },
    flush,
    start: () => {
      stopped = false;
      void flush();
    },
    stop: () => {
      stopped = true;
      cancelTimer?.();
    },
  };
}
