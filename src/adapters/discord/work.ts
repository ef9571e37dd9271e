// Bookkeeping for event handling: what is still running (so stop() and tests can wait for it)
// and one-at-a-time turns per conversation, so "記録：..." followed quickly by 「保存」 in a DM reaches
// the engine, and its answer reaches the user, in order, as the terminal's line-by-line loop does.

export interface Work {
  /** Runs `task`, counted as running until it settles; its result or error goes to the caller. */
  track<T>(task: () => Promise<T>): Promise<T>;
  /** Runs `task` after earlier tasks for the same key have settled. */
  inTurn<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once nothing is running, including work started while waiting. */
  idle(): Promise<void>;
}

export function createWork(): Work {
  const running = new Set<Promise<unknown>>();
  const tails = new Map<string, Promise<unknown>>();
  return {
    track(task) {
      const result = task();
      const settled: Promise<unknown> = result.then(
        () => running.delete(settled),
        () => running.delete(settled),
      );
      running.add(settled);
      return result;
    },
    inTurn(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      // Drop the key once this is the last queued task, so the map does not grow with every DM.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running]);
    },
  };
}
