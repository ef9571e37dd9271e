// Slack allows about one message per second per channel and answers bursts with 429 + Retry-After.
// Every outbound message waits its turn here: FIFO per channel, channels independent, so a busy
// channel never delays another and a rate-limited send is retried instead of lost.

export interface SendQueueOptions {
  /** Minimum gap between one send to a channel finishing and the next starting. */
  intervalMs: number;
  /** Seconds to wait when `error` is a rate-limit refusal; undefined for any other error. */
  retryAfterSeconds: (error: unknown) => number | undefined;
  /** Retries after a rate-limit refusal before the send fails. */
  maxRetries?: number;
  onRateLimited?: (channel: string, retryAfterSeconds: number, attempt: number) => void;
}

export interface SendQueue {
  /** Runs `send` when the channel's turn comes; resolves or rejects with its outcome. */
  send<T>(channel: string, send: () => Promise<T>): Promise<T>;
}

interface Lane {
  /** Settles when the lane's last queued send has finished (never rejects). */
  tail: Promise<void>;
  /**
   * When the lane's latest attempt finished (ms since epoch); 0 before the first. Spacing from the
   * end, not the start, keeps Slack's receipt times apart however long a request takes.
   */
  lastFinishedAt: number;
  pending: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createSendQueue(options: SendQueueOptions): SendQueue {
  const maxRetries = options.maxRetries ?? 3;
  const lanes = new Map<string, Lane>();

  async function waitForSlot(lane: Lane): Promise<void> {
    const wait = lane.lastFinishedAt + options.intervalMs - Date.now();
    if (wait > 0) await sleep(wait);
  }

  async function attempt<T>(channel: string, lane: Lane, send: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      await waitForSlot(lane);
      try {
        const sent = await send();
        lane.lastFinishedAt = Date.now();
        return sent;
      } catch (error) {
        lane.lastFinishedAt = Date.now();
        const seconds = options.retryAfterSeconds(error);
        if (seconds === undefined || retry >= maxRetries) throw error;
        options.onRateLimited?.(channel, seconds, retry + 1);
        // Slack's Retry-After is the earliest moment it accepts the channel again (and is never
        // shorter than our own spacing in practice, which still counts from the refused attempt).
        await sleep(Math.max(0, seconds) * 1000);
      }
    }
  }

  return {
    send<T>(channel: string, send: () => Promise<T>): Promise<T> {
      let lane = lanes.get(channel);
      if (!lane) {
        lane = { tail: Promise.resolve(), lastFinishedAt: 0, pending: 0 };
        lanes.set(channel, lane);
      }
      const current = lane;
      current.pending++;
      const result = current.tail.then(() => attempt(channel, current, send));
      current.tail = result.then(
        () => undefined,
        () => undefined,
      ).finally(() => {
        current.pending--;
        // Forget an idle lane once its spacing no longer matters, so the map stays small.
        if (current.pending === 0) {
          const forget = () => {
            if (current.pending === 0 && lanes.get(channel) === current) lanes.delete(channel);
          };
          const left = current.lastFinishedAt + options.intervalMs - Date.now();
          if (left <= 0) forget();
          else setTimeout(forget, left).unref?.();
        }
      });
      return result;
    },
  };
}
