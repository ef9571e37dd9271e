// Work the adapter has started and not finished (turns, sends). Shutdown waits for it so an
// answer being written is not cut off, and tests wait for it instead of sleeping.

export interface InFlight {
  /** Counts `work` as in flight until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  /** Resolves once nothing is in flight, including work started while waiting. */
  idle(): Promise<void>;
}

export function createInFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
      return work;
    },
    async idle() {
      while (running.size > 0) await Promise.all(running);
    },
  };
}
