/**
 * One request through the contract's handlers, the way every host of the demo backend answers
 * it (the standalone server, the browser's backend worker): the matching handler's response,
 * or the contract's 404 error body when no endpoint matches.
 */
import { getResponse, type RequestHandler } from 'msw';
import { errorResponse } from './responses';

export async function answer(
  handlers: readonly RequestHandler[],
  request: Request,
): Promise<Response> {
  const response = await getResponse([...handlers], request, { quiet: true });
  if (response) return response;
  const { pathname, search } = new URL(request.url);
  return errorResponse(404, 'not_found', `no endpoint ${request.method} ${pathname}${search}`);
}
