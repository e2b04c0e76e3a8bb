/**
 * Fault injection for the demo backend: make one dataset (or the catalog, areas or base map)
 * fail in a chosen way, to see and test how the app copes. Set from tests, from the browser
 * console (`window.__cityopsMock.faults`) or from the page URL (`?mockFaults=...`).
 */

export const FAULT_KINDS = ['500', 'timeout', 'garbage', 'hostile', 'offline'] as const;
/**
 * - `500`: HTTP 500 with an error body.
 * - `timeout`: no answer until the request is aborted (or 120 s pass).
 * - `garbage`: HTTP 200 with a body that is not JSON.
 * - `hostile`: HTTP 200 with JSON of the wrong types, non-finite numbers, a 1 MB name and markup in names.
 * - `offline`: a network error.
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Faults {
  get(target: string): FaultKind | undefined;
  /**
   * `target` is a dataset id (its features and state fail, and it goes quiet on the stream) or
   * 'catalog', 'areas', 'basemap', 'alarms' (reads and operators' actions), 'clock',
   * 'scenarios', 'stream'.
   */
  set(target: string, fault: FaultKind): void;
  clear(target: string): void;
  clearAll(): void;
  /** Sets every fault of a spec like `fire.hydrants:500,traffic.roads:garbage`. */
  parse(spec: string): void;
  entries(): [string, FaultKind][];
}

export function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

export function createFaults(spec?: string): Faults {
  const active = new Map<string, FaultKind>();
  const faults: Faults = {
    get: (target) => active.get(target),
    set: (target, fault) => {
      if (!isFaultKind(fault))
        throw new Error(
          `unknown fault "${String(fault)}"; expected one of ${FAULT_KINDS.join(', ')}`,
        );
      active.set(target, fault);
    },
    clear: (target) => {
      active.delete(target);
    },
    clearAll: () => active.clear(),
    parse: (text) => {
      for (const entry of text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        // Dataset ids contain dots, not colons: the last colon separates the fault.
        const separator = entry.lastIndexOf(':');
        const target = entry.slice(0, separator).trim();
        const fault = entry.slice(separator + 1).trim();
        if (separator <= 0 || !target || !isFaultKind(fault)) {
          throw new Error(
            `bad fault "${entry}": expected <dataset or resource>:<${FAULT_KINDS.join('|')}>`,
          );
        }
        active.set(target, fault);
      }
    },
    entries: () => [...active.entries()],
  };
  if (spec) faults.parse(spec);
  return faults;
}
