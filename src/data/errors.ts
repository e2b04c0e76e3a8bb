/**
 * The one error type every adapter throws. `kind` tells the UI what happened without parsing
 * messages; `status` carries the HTTP status where there was one.
 */
export type AdapterErrorKind =
  | 'network' // the source could not be reached
  | 'http' // the source answered with a non-2xx status
  | 'timeout' // the source did not answer in time
  | 'invalid-response' // the source answered with a body that fails the contract's schema
  | 'aborted' // the caller cancelled the request
  | 'unsupported'; // the adapter has no such capability

export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly kind: AdapterErrorKind;
  readonly status: number | undefined;
  /** Which resource the failed call was about (a dataset id, 'catalog', ...). */
  readonly resource: string;
  /** The parsed JSON of an error response, for callers that expect a structured one (a 409). */
  readonly body: unknown;

  constructor(
    kind: AdapterErrorKind,
    message: string,
    options: { resource: string; status?: number; cause?: unknown; body?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.resource = options.resource;
    this.body = options.body;
  }
}

export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError;
}

/** Aborts are the caller's own doing: never retried, never shown as a source failure. */
export function isAbort(error: unknown): boolean {
  return isAdapterError(error) && error.kind === 'aborted';
}
