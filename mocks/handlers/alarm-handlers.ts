/**
 * `GET /alarms` and `GET /alarms/{id}`: the alarms the simulation's rules raised, at the clock's
 * time or at a past time (`at`). Alarms come from readings stepped on a 60 s grid, so the list
 * changes at most once a simulated minute.
 */
import { http, type HttpHandler } from 'msw';
import type { Alarm, AlarmSnapshot } from '../sim/engine/alarm-engine';
import { alarmsBody } from './alarm-body';
import type { HandlerContext } from './handler-context';
import { errorResponse, freshJsonResponse } from './responses';
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

export function alarmHandlers(context: HandlerContext): HttpHandler[] {
  const { base, world, serve } = context;
  const { simulation } = world;
  return [
    http.get(`${base}/alarms`, ({ request }) =>
      serve('alarms', 'alarms', request, () => {
        const params = new URL(request.url).searchParams;
        const at = parseAtParam(params.get('at'), simulation.now());
        if (!at.ok) return errorResponse(400, 'bad_request', at.message);
        const status = params.get('status') ?? 'all';
        if (!isStatusFilter(status))
          return errorResponse(400, 'bad_request', `status must be one of ${STATUSES.join(', ')}`);
        const domain = params.get('domain');
        const department = params.get('department');
        const snapshot = simulation.alarms(at.time ?? simulation.now());
        const alarms = listAlarms(snapshot, status).filter(
          (alarm) =>
            (domain === null || alarm.domain === domain) &&
            (department === null || alarm.department === department),
        );
        return freshJsonResponse(alarmsBody(snapshot, alarms));
      }),
    ),

    http.get<{ id: string }>(`${base}/alarms/:id`, ({ request, params }) =>
      serve('alarms', 'alarm', request, () => {
        const at = parseAtParam(new URL(request.url).searchParams.get('at'), simulation.now());
        if (!at.ok) return errorResponse(400, 'bad_request', at.message);
        const snapshot = simulation.alarms(at.time ?? simulation.now());
        const alarm = [...snapshot.open, ...snapshot.cleared].find((a) => a.id === params.id);
        return alarm
          ? freshJsonResponse(alarm)
          : errorResponse(
              404,
              'not_found',
              `no alarm "${params.id.slice(0, 100)}" in the last hours`,
            );
      }),
    ),
  ];
}
