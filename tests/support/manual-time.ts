/**
 * A clock and a timer moved by hand, for code that schedules retries: back-off waits take no
 * real time, and a test says exactly how much time passes.
 */
export interface ManualTime {
  now(): number;
  schedule(run: () => void, delayMs: number): () => void;
  /** Moves time on, runs what became due, and lets the promises they started settle. */
  advance(ms: number): Promise<void>;
}

/** `settleTicks`: macrotasks to wait after each round (requests through msw need a few). */
export function manualTime(settleTicks = 1, tickMs = 0): ManualTime {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  const settle = async () => {
    for (let k = 0; k < settleTicks; k++)
      await new Promise((resolve) => setTimeout(resolve, tickMs));
  };
  return {
    now: () => now,
    schedule: (run, delayMs) => {
      const timer = { at: now + delayMs, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    async advance(ms) {
      now += ms;
      for (;;) {
        const due = timers.filter((t) => t.at <= now);
        if (due.length === 0) break;
        timers = timers.filter((t) => t.at > now);
        for (const timer of due) timer.run();
        await settle();
      }
      await settle();
    },
  };
}
