/**
 * Messages between the page and the demo backend's worker. The page forwards each API request
 * the service worker caught; the worker answers it from the world it holds. Response bodies are
 * transferred as streams, so event streams flow and a reader that goes away cancels its stream
 * in the worker.
 */
import type { CityScale } from '../city/scale';
import type { FaultKind } from '../faults';

export interface StartMessage {
  readonly kind: 'start';
  readonly apiBaseUrl: string;
  readonly seed: number;
  readonly scale: CityScale;
  /** The page's `Date.now()` when it sent this: the world's wall clock is the page's. */
  readonly pageNow: number;
}

export interface RequestMessage {
  readonly kind: 'request';
  readonly id: number;
  readonly method: string;
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: ArrayBuffer | null;
}

export interface AbortMessage {
  readonly kind: 'abort';
  readonly id: number;
}

/** The whole set of active faults (the page keeps the authoritative copy). */
export interface FaultsMessage {
  readonly kind: 'faults';
  readonly entries: readonly (readonly [string, FaultKind])[];
}

export type ToWorker = StartMessage | RequestMessage | AbortMessage | FaultsMessage;

export interface ReadyMessage {
  readonly kind: 'ready';
  /** Time spent generating the city and setting up the world. */
  readonly startMs: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** The world could not be built: every request is answered with this error. */
export interface FailedMessage {
  readonly kind: 'failed';
  readonly message: string;
}

export interface ResponseMessage {
  readonly kind: 'response';
  readonly id: number;
  readonly status: number;
  readonly statusText: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: ReadableStream<Uint8Array> | null;
}

/** The answer is a network error (the `offline` fault). */
export interface NetworkErrorMessage {
  readonly kind: 'network-error';
  readonly id: number;
}

export type FromWorker = ReadyMessage | FailedMessage | ResponseMessage | NetworkErrorMessage;
