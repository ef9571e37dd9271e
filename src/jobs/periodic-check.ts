// A check run at once and then every `everyMs` after the previous one finished, so checks never
// overlap, until stopped. The schedules of the jobs (weekly digest, daily retention) are checks
// of "is a run due?" on this loop.

export interface PeriodicCheck {
  /** Stops checking; resolves once a check in progress has finished. */
  stop(): Promise<void>;
  /** Resolves when the current check finishes. */
  idle(): Promise<void>;
}

export function startPeriodicCheck(options: {
  everyMs: number;
  /** `stopping()` turns true once stop() is called, for a check that can end early. */
  check: (stopping: () => boolean) => Promise<void>;
  /** A failed check is tried again at the next one. */
  onError: (error: unknown) => void;
}): PeriodicCheck {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    current = options
      .check(() => stopped)
      .catch(options.onError)
      .then(() => {
        if (stopped) return;
        timer = setTimeout(tick, options.everyMs);
        // A schedule alone never keeps the process alive; the adapters do, and main stops it.
        timer.unref?.();
      });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
    idle: () => current,
  };
}
