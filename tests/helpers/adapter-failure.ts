/** The AdapterError a read ends with (the test fails if it ends otherwise). */
import { expect } from 'vitest';
import { AdapterError } from '../../src/data/errors';

export async function adapterFailure(promise: Promise<unknown>): Promise<AdapterError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AdapterError);
  return error as AdapterError;
}
