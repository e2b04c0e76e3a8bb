/** Reading a `text/event-stream` response in tests: events as they arrive, until enough came. */
export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

function parseEvent(block: string): SseEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length > 0 ? { event, data: data.join('\n') } : null;
}

/**
 * Reads events until `enough(events)` or the timeout, then cancels the stream (which ends it on
 * the server). `onEvent` may act on the backend between events (move its clock, for instance).
 */
export async function readEvents(
  response: Response,
  enough: (events: readonly SseEvent[]) => boolean,
  { timeoutMs = 15_000, onEvent }: { timeoutMs?: number; onEvent?: (event: SseEvent) => void } = {},
): Promise<SseEvent[]> {
  if (!response.body) throw new Error('no body');
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (!enough(events)) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const next = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), remaining))),
      ]);
      clearTimeout(timer);
      if (next === null || next.done) break;
      buffer += next.value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) {
          events.push(event);
          onEvent?.(event);
        }
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return events;
}
