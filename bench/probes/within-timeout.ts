/**
 * A bound on a call into the browser: a hung renderer must fail the run with a reason, not
 * hang it (a protocol call and `page.evaluate` have no timeout of their own).
 */
export async function withinTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
