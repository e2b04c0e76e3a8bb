/**
 * `GET /clock` and `POST /clock`: the simulated clock every screen of this backend shares. A
 * presenter pauses, speeds up, jumps or goes back to live; screens read the clock to know which
 * time they show and how fast it moves.
 */
import { http, type HttpHandler } from 'msw';
import { isoWithOffset } from '../live/clock';
import { isValidSpeed, MAX_SPEED, MIN_SPEED, type ClockAction } from '../sim/engine/clock';
import { demoOnly, jsonObjectBody, type HandlerContext } from './handler-context';
import { errorResponse, freshJsonResponse } from './responses';
import { parseTimeParam } from './time-params';

export interface ClockView {
  readonly mode: 'live' | 'running' | 'paused';
  /** The simulated time now. */
  readonly time: string;
  /** Simulated seconds per wall second (0 would be paused; that is `mode`). */
  readonly speed: number;
  /** Whether POST /clock is open (demo mode). */
  readonly controllable: boolean;
}

export function clockView(context: HandlerContext): ClockView {
  const { clock } = context.world;
  const state = clock.state();
  return {
    mode: state.mode,
    time: isoWithOffset(clock.now()),
    speed: state.mode === 'live' ? 1 : state.speed,
    controllable: context.demo,
  };
}

type ParsedAction = { ok: true; action: ClockAction } | { ok: false; message: string };

export function parseClockAction(body: Record<string, unknown>): ParsedAction {
  switch (body.action) {
    case 'pause':
    case 'resume':
    case 'live':
      return { ok: true, action: { action: body.action } };
    case 'speed': {
      const speed = body.speed;
      if (typeof speed !== 'number' || !isValidSpeed(speed))
        return { ok: false, message: `speed must be a number ${MIN_SPEED}..${MAX_SPEED}` };
      return { ok: true, action: { action: 'speed', speed } };
    }
    case 'jump': {
      const time = parseTimeParam('time', typeof body.time === 'string' ? body.time : '');
      if (!time.ok || time.time === null)
        return { ok: false, message: 'jump needs time, an ISO 8601 date-time with an offset' };
      return { ok: true, action: { action: 'jump', time: time.time } };
    }
    default:
      return { ok: false, message: 'action must be one of pause, resume, speed, jump, live' };
  }
}

export function clockHandlers(context: HandlerContext): HttpHandler[] {
  const { base, world, serve } = context;
  return [
    http.get(`${base}/clock`, ({ request }) =>
      serve('clock', 'clock', request, () => freshJsonResponse(clockView(context))),
    ),
    http.post(`${base}/clock`, ({ request }) =>
      serve('clock', 'clock', request, async () => {
        if (!context.demo) return demoOnly();
        const body = await jsonObjectBody(request);
        if (!body) return errorResponse(400, 'bad_request', 'the body must be a JSON object');
        const parsed = parseClockAction(body);
        if (!parsed.ok) return errorResponse(400, 'bad_request', parsed.message);
        world.clock.apply(parsed.action);
        return freshJsonResponse(clockView(context));
      }),
    ),
  ];
}
