/**
 * `GET /alarms`, `GET /alarms/{id}` and `POST /alarms/{id}/actions`: the alarms the simulation's
 * rules raised, at the clock's time or at a past time (`at`), each with where it is and its
 * lifecycle; and the operators' actions on them. Alarms come from readings stepped on a 60 s
 * grid, so the list changes at most once a simulated minute; lifecycles change with every action.
 */
import { http, type HttpHandler } from 'msw';
import type { Alarm, AlarmSnapshot } from '../sim/engine/alarm-engine';
import { parseActionRequest } from './alarm-action-request';
import { alarmsBody } from './alarm-body';
import { alarmView } from './alarm-view';
import type { HandlerContext } from './handler-context';
import { alarmConflictResponse, errorResponse, freshJsonResponse } from './responses';
import { parseAtParam } from './time-params';

/** Cleared alarms stay in the default list this long, so a screen sees what just ended. */
export const RECENTLY_CLEARED_MS = 30 * 60_000;

const STATUSES = ['open', 'cleared', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];

function isStatusFilter(value: string): value is StatusFilter {
  return (STATUSES as readonly string[]).includes(value);
}

/** Open alarms newest first, then those cleared within the last half hour, latest first. */
export function listAlarms(snapshot: AlarmSnapshot, status: StatusFilter): Alarm[] {
  const open = status === 'cleared' ? [] : [...snapshot.open].reverse();
  const since = snapshot.observedAtMs - RECENTLY_CLEARED_MS;
  const cleared =
    status === 'open'
      ? []
      : snapshot.cleared.filter((alarm) => Date.parse(alarm.clearedAt ?? '') >= since);
  return [...open, ...cleared];
}

/** An alarm open at the snapshot or cleared within its window (the last three to four hours). */
export function findAlarm(snapshot: AlarmSnapshot, id: string): Alarm | undefined {
  return snapshot.open.find((a) => a.id === id) ?? snapshot.cleared.find((a) => a.id === id);
}

function noSuchAlarm(id: string): Response {
  return errorResponse(404, 'not_found', `no alarm "${id.slice(0, 100)}" in the last hours`);
}

export function alarmHandlers(context: HandlerContext): HttpHandler[] {
  const { base, world, serve } = context;
  const { simulation } = world;
  return [
    http.get(`${base}/alarms`, ({ request }) =>
      serve('alarms', 'alarms', request, () => {
        const params = new URL(request.url).searchParams;
        const now = simulation.now();
        const at = parseAtParam(params.get('at'), now);
        if (!at.ok) return errorResponse(400, 'bad_request', at.message);
        const status = params.get('status') ?? 'all';
        if (!isStatusFilter(status))
          return errorResponse(400, 'bad_request', `status must be one of ${STATUSES.join(', ')}`);
        const domain = params.get('domain');
        const department = params.get('department');
        const t = at.time ?? now;
        const snapshot = simulation.alarms(t);
        const alarms = listAlarms(snapshot, status)
          .filter(
            (alarm) =>
              (domain === null || alarm.domain === domain) &&
              (department === null || alarm.department === department),
          )
          .map((alarm) => alarmView(world, alarm, t));
        return freshJsonResponse(alarmsBody(snapshot, alarms));
      }),
    ),

    http.get<{ id: string }>(`${base}/alarms/:id`, ({ request, params }) =>
      serve('alarms', 'alarm', request, () => {
        const now = simulation.now();
        const at = parseAtParam(new URL(request.url).searchParams.get('at'), now);
        if (!at.ok) return errorResponse(400, 'bad_request', at.message);
        const t = at.time ?? now;
        const alarm = findAlarm(simulation.alarms(t), params.id);
        return alarm ? freshJsonResponse(alarmView(world, alarm, t)) : noSuchAlarm(params.id);
      }),
    ),

    // Open to every screen (not a demo control): taking action on alarms is the operators' job.
    http.post<{ id: string }>(`${base}/alarms/:id/actions`, ({ request, params }) =>
      serve('alarms', 'alarm', request, async () => {
        const parsed = parseActionRequest(await request.text());
        if (!parsed.ok) return errorResponse(400, 'bad_request', parsed.message);
        const now = simulation.now();
        const alarm = findAlarm(simulation.alarms(now), params.id);
        if (!alarm) return noSuchAlarm(params.id);
        const outcome = world.lifecycles.apply(alarm.id, parsed.request, now);
        const view = alarmView(world, alarm, now);
        return outcome.kind === 'conflict'
          ? alarmConflictResponse(outcome.reason, view)
          : freshJsonResponse(view);
      }),
    ),
  ];
}
