/**
 * While the operator moves the map, the page's other updates wait: a live poll, a pushed state,
 * a clock's tick re-render panels and hand the map new layers, and on a busy main thread each of
 * them is a frame the pan or zoom does not get. What arrives while the camera moves is held and
 * applied together when it comes to rest, or after `MAX_HOLD_MS` of continuous movement, so that
 * nothing shown is ever more than that behind what the page has received.
 *
 * One page has one camera being moved at a time: the map reports its movements here, and the
 * query cache's notifications and the page's clocks pass through `afterCameraMoves`.
 */

/** The longest an update waits for the camera (a long drag still sees live data). */
export const MAX_HOLD_MS = 2_000;
/**
 * At rest: no movement for this long. A zoom by the wheel is many short movements with pauses
 * between them, and applying the held updates in each pause would cost the next one its frame.
 */
export const REST_MS = 400;

let moving = 0;
let held: (() => void)[] = [];
let holdTimer: ReturnType<typeof setTimeout> | null = null;
let restTimer: ReturnType<typeof setTimeout> | null = null;
const restListeners = new Set<() => void>();

function release(): void {
  if (holdTimer !== null) clearTimeout(holdTimer);
  holdTimer = null;
  const run = held;
  held = [];
  // In one task: React renders everything they set in one commit.
  for (const update of run) update();
}

function rested(): void {
  restTimer = null;
  release();
  for (const listener of restListeners) listener();
}

/** Runs `update` now, or once the camera is at rest (within `MAX_HOLD_MS`). */
export function afterCameraMoves(update: () => void): void {
  if (moving === 0 && restTimer === null) {
    update();
    return;
  }
  held.push(update);
  holdTimer ??= setTimeout(release, MAX_HOLD_MS);
}

/**
 * A camera started moving; the function returned says it stopped (once, however often it is
 * called). Counted: two maps moving at once hold updates until both are at rest.
 */
export function cameraStartedMoving(): () => void {
  moving += 1;
  if (restTimer !== null) clearTimeout(restTimer);
  restTimer = null;
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    moving -= 1;
    if (moving === 0) restTimer = setTimeout(rested, REST_MS);
  };
}

/** No camera moving, and none stopped too recently to call it at rest. */
export function isCameraAtRest(): boolean {
  return moving === 0 && restTimer === null;
}

/**
 * Calls `listener` each time the camera comes to rest (after the held updates are applied), until
 * the returned function is called.
 */
export function onCameraRest(listener: () => void): () => void {
  restListeners.add(listener);
  return () => restListeners.delete(listener);
}
