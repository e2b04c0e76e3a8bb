/**
 * `GET /scenarios` and `POST /scenarios/{id}/runs`: the scripted situations a presenter can
 * trigger, and the runs in this backend's event log. A run is appended to the log, so every
 * screen on this backend sees it unfold from its start time.
 */
import { http, type HttpHandler } from 'msw';
import { isoWithOffset } from '../live/clock';
import type { ScenarioRun } from '../sim/engine/event-log';
import type { ScenarioDefinition, ScenarioId } from '../sim/types';
import { demoOnly, jsonObjectBody, type HandlerContext } from './handler-context';
import { errorResponse, freshJsonResponse } from './responses';
import { HISTORY_MS, parseTimeParam } from './time-params';

export interface ScenarioRunView {
  readonly runId: string;
  readonly scenarioId: ScenarioId;
  readonly startAt: string;
  readonly endAt: string;
  readonly status: 'scheduled' | 'running' | 'finished';
  readonly eventCount: number;
}

export function runView(context: HandlerContext, run: ScenarioRun): ScenarioRunView {
  const { log, simulation, scenarios } = context.world;
  const durationMs = scenarios.find((s) => s.id === run.scenarioId)?.durationMs ?? 0;
  const endMs = run.startMs + durationMs;
  const now = simulation.now();
  return {
    runId: run.runId,
    scenarioId: run.scenarioId,
    startAt: isoWithOffset(run.startMs),
    endAt: isoWithOffset(endMs),
    status: now < run.startMs ? 'scheduled' : now < endMs ? 'running' : 'finished',
    eventCount: log.runEvents(run.runId).length,
  };
}

function scenarioView(scenario: ScenarioDefinition): object {
  return {
    id: scenario.id,
    title: scenario.title,
    description: scenario.description,
    durationS: Math.round(scenario.durationMs / 1000),
  };
}

export function scenarioHandlers(context: HandlerContext): HttpHandler[] {
  const { base, world, serve } = context;
  return [
    http.get(`${base}/scenarios`, ({ request }) =>
      serve('scenarios', 'scenarios', request, () =>
        freshJsonResponse({
          scenarios: world.scenarios.map(scenarioView),
          runs: world.log.runs().map((run) => runView(context, run)),
        }),
      ),
    ),
    http.post<{ id: string }>(`${base}/scenarios/:id/runs`, ({ request, params }) =>
      serve('scenarios', 'run', request, async () => {
        if (!context.demo) return demoOnly();
        const scenario = world.scenarios.find((s) => s.id === params.id);
        if (!scenario)
          return errorResponse(404, 'not_found', `unknown scenario "${params.id.slice(0, 100)}"`);
        const body = await jsonObjectBody(request);
        if (!body) return errorResponse(400, 'bad_request', 'the body must be a JSON object');
        const now = world.simulation.now();
        const at = parseTimeParam('at', typeof body.at === 'string' ? body.at : null);
        if (!at.ok || (body.at !== undefined && typeof body.at !== 'string'))
          return errorResponse(
            400,
            'bad_request',
            'at must be an ISO 8601 date-time with an offset',
          );
        const startMs = at.time ?? now;
        // The log is append-only: a run may not rewrite what screens have already shown.
        if (startMs < now) return errorResponse(400, 'bad_request', 'at is in the past');
        if (startMs > now + HISTORY_MS)
          return errorResponse(400, 'bad_request', 'at is more than 24 hours ahead');
        const run = world.log.startRun(scenario.id, startMs);
        return freshJsonResponse(runView(context, run), 201);
      }),
    ),
  ];
}
