/**
 * `GET /stream`: server-sent events, so a screen need not poll. `state` events carry a dataset's
 * live state at its cadence (the first in full, then only the rows changed since the previous
 * one), `alarm` events an alarm raised or cleared or whose lifecycle changed (an operator acted
 * on it, on this screen or another), `alarms` the whole list (at the start and after the clock
 * changes), and `clock` the clock after every change. A timer in wall time looks
 * at the simulated clock, so accelerated time sends one delta per step it can keep up with,
 * covering every change since the last one.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import { isDatasetId, LIVE_DATASET_IDS, stateCadenceS, type LiveDatasetId } from '../datasets';
import { quantize } from '../live/clock';
import { listAlarms } from './alarm-handlers';
import { alarmsBody } from './alarm-body';
import { alarmView, type AlarmView } from './alarm-view';
import { clockView } from './clock-handlers';
import type { HandlerContext } from './handler-context';
import { errorResponse } from './responses';
import { isDeltaBase } from './time-params';

export interface StreamOptions {
  /** How often (wall ms) the stream looks at the clock. */
  readonly tickMs?: number;
  readonly keepAliveMs?: number;
  /** Streams end after this long; EventSource reconnects by itself (a bound on leaked streams). */
  readonly maxLifetimeMs?: number;
}

const RETRY_MS = 3000;
/** Writes a screen may leave unread before the stream holds back (see `tick`). */
const STREAM_QUEUE_EVENTS = 16;

export function streamHandler(context: HandlerContext, options: StreamOptions = {}): HttpHandler {
  return http.get(`${context.base}/stream`, ({ request }) =>
    context.serve('stream', 'stream', request, () => {
      const params = new URL(request.url).searchParams;
      const requested = params.get('datasets');
      const ids = requested === null ? LIVE_DATASET_IDS : requested.split(',').map((s) => s.trim());
      const unknown = ids.find(
        (id) => !isDatasetId(id) || !(LIVE_DATASET_IDS as readonly string[]).includes(id),
      );
      if (unknown !== undefined)
        return errorResponse(400, 'bad_request', `no live dataset "${unknown.slice(0, 100)}"`);
      const snapshot = params.get('snapshot') !== 'false';
      return new HttpResponse(
        openStream(context, request, ids as LiveDatasetId[], snapshot, options),
        { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' } },
      );
    }),
  );
}

function openStream(
  context: HandlerContext,
  request: Request,
  datasets: readonly LiveDatasetId[],
  snapshot: boolean,
  { tickMs = 500, keepAliveMs = 15_000, maxLifetimeMs = 10 * 60_000 }: StreamOptions,
): ReadableStream<Uint8Array> {
  const { world } = context;
  const { simulation, clock, lifecycles } = world;
  const { faults } = context;
  const encoder = new TextEncoder();
  const openedAt = Date.now();
  const lastState = new Map<LiveDatasetId, number>();
  let sentAlarms = new Set<string>();
  let lastAlarmStep: number | null = null;
  let lastLifecycleRevision = lifecycles.revision();
  let alarmsListDue = snapshot;
  let lastWrite = openedAt;
  let closed = false;
  let stop = (): void => undefined;

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const write = (text: string): void => {
          if (closed) return;
          controller.enqueue(encoder.encode(text));
          lastWrite = Date.now();
        };
        const send = (event: string, data: unknown): void =>
          write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

        const sendStates = (t: number): void => {
          for (const id of datasets) {
            if (faults.get(id)) continue; // a failing dataset goes quiet and turns stale
            const step = quantize(t, stateCadenceS(id));
            const last = lastState.get(id);
            if (last === step) continue;
            lastState.set(id, step);
            if (last === undefined && !snapshot) continue;
            send(
              'state',
              last !== undefined && isDeltaBase(last, t)
                ? simulation.delta(id, last, t)
                : simulation.liveState(id, t),
            );
          }
        };

        const sendAlarms = (t: number): void => {
          if (faults.get('alarms')) return;
          const alarms = simulation.alarms(t);
          const revision = lifecycles.revision();
          const changed =
            alarms.observedAtMs !== lastAlarmStep || revision !== lastLifecycleRevision;
          if (!changed && !alarmsListDue) return;
          const current = listAlarms(alarms, 'all').map((alarm) => alarmView(world, alarm, t));
          const keys = new Set(current.map(alarmKey));
          if (alarmsListDue) {
            send('alarms', alarmsBody(alarms, current));
            alarmsListDue = false;
          } else if (lastAlarmStep !== null) {
            for (const alarm of current) if (!sentAlarms.has(alarmKey(alarm))) send('alarm', alarm);
          }
          sentAlarms = keys;
          lastAlarmStep = alarms.observedAtMs;
          lastLifecycleRevision = revision;
        };

        const tick = (): void => {
          if (closed) return;
          // A screen that has not read what was sent is sent nothing more until it has: each
          // state event covers every change since its dataset's previous one, so skipping a tick
          // loses nothing, while queueing for a slow reader would leave it further behind.
          if (controller.desiredSize !== null && controller.desiredSize <= 0) return;
          try {
            const t = simulation.now();
            sendStates(t);
            sendAlarms(t);
            const wall = Date.now();
            if (wall - lastWrite >= keepAliveMs) write(': keep-alive\n\n');
            if (wall - openedAt >= maxLifetimeMs) stop();
          } catch (error) {
            console.error('stream: evaluation failed', error);
            stop();
          }
        };

        const timer = setInterval(tick, tickMs);
        const unsubscribe = clock.subscribe(() => {
          send('clock', clockView(context));
          alarmsListDue = true;
          tick();
        });
        // Another screen's action reaches this one at once rather than at the next tick; after
        // the request that took it, not within it.
        const stopLifecycles = lifecycles.subscribe(() => setTimeout(tick, 0));
        const onAbort = (): void => stop();
        stop = () => {
          if (closed) return;
          closed = true;
          clearInterval(timer);
          unsubscribe();
          stopLifecycles();
          request.signal.removeEventListener('abort', onAbort);
          try {
            controller.close();
          } catch {
            // Already closed by the reader going away.
          }
        };
        request.signal.addEventListener('abort', onAbort, { once: true });
        write(`retry: ${RETRY_MS}\n\n`);
        send('clock', clockView(context));
        tick();
      },
      cancel() {
        stop();
      },
    },
    new CountQueuingStrategy({ highWaterMark: STREAM_QUEUE_EVENTS }),
  );
}

/** What a screen has of an alarm: its status and how far its history goes (it only grows). */
function alarmKey(alarm: AlarmView): string {
  return `${alarm.id}:${alarm.status}:${alarm.lifecycle.history.length}`;
}
