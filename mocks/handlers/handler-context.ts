/**
 * What every group of handlers shares: the API base, the world it serves, the fault switchboard
 * and whether demo controls (clock, scenarios) are open.
 */
import type { World } from '../sim/engine/world';
import type { Faults } from '../faults';
import { faultResponse } from './fault-responses';
import type { ResponseShape } from './hostile-bodies';
import { errorResponse } from './responses';

export interface HandlerContext {
  /** Absolute base URL without a trailing slash. */
  readonly base: string;
  readonly world: World;
  readonly faults: Faults;
  /** Clock control and scenario triggers answer 403 outside demo mode. */
  readonly demo: boolean;
  /** Answers with the fault set on `target`, if any, and otherwise with `answer()`. */
  serve(
    target: string,
    shape: ResponseShape,
    request: Request,
    answer: () => Response | Promise<Response>,
  ): Promise<Response>;
}

export function createHandlerContext(
  base: string,
  world: World,
  faults: Faults,
  demo: boolean,
): HandlerContext {
  return {
    base,
    world,
    faults,
    demo,
    serve: async (target, shape, request, answer) => {
      const fault = faults.get(target);
      return fault ? faultResponse(fault, shape, request, world.city.origin) : answer();
    },
  };
}

export function demoOnly(): Response {
  return errorResponse(403, 'forbidden', 'this control is available in demo mode only');
}

/** The JSON body of a POST, or null when it is not a JSON object (empty bodies count as `{}`). */
export async function jsonObjectBody(request: Request): Promise<Record<string, unknown> | null> {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}
