// Abuse limits: how many turns one person may start per minute. A token bucket per platform
// user, in this process's memory: a burst of `perMinute` turns, refilled evenly over a minute.
// The LLM engine gets a stricter bucket of its own (each of its turns costs the school money and
// sends pseudonymised text to a third party); the offline engine's looser one still stops a
// script or a stuck client from hammering the database. Over the limit the person is told
// plainly how long to wait, in their language; nothing is read or written for that turn.
// With several instances behind a load balancer each keeps its own buckets, so the effective
// limit is at most the instance count times this one; that bounds abuse, which is the point.
import type { ChatHandler, IncomingMessage, Platform, Reply } from '../chat/types.ts';
import { detectLanguage } from './language.ts';

export interface RateLimit {
  /** Turns allowed in a burst, and refilled per minute. */
  perMinute: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets idle this long are full again; they are forgotten so memory stays bounded. */
const FORGET_AFTER_MS = 10 * 60_000;

export interface TurnLimiter {
  /** 0 if the turn may go ahead (and is counted), else the milliseconds until it may. */
  take(key: string): number;
}

export function createTurnLimiter(limit: RateLimit, now: () => number = Date.now): TurnLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = limit.perMinute / 60_000;
  let lastSweep = now();

  function sweep(at: number): void {
    if (at - lastSweep < FORGET_AFTER_MS) return;
    lastSweep = at;
    for (const [key, bucket] of buckets) if (at - bucket.at > FORGET_AFTER_MS) buckets.delete(key);
  }

  return {
    take(key) {
      const at = now();
      sweep(at);
      const bucket = buckets.get(key) ?? { tokens: limit.perMinute, at };
      bucket.tokens = Math.min(limit.perMinute, bucket.tokens + (at - bucket.at) * perMs);
      bucket.at = at;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.ceil((1 - bucket.tokens) / perMs);
    },
  };
}

function tooFast(text: string, limit: RateLimit, waitMs: number): Reply {
  const language = detectLanguage(text) ?? 'ja';
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const answer =
    language === 'ja'
      ? `短い間にたくさんのメッセージが届いたため、少し休ませてください（1分あたり${limit.perMinute}件まで）。${seconds}秒ほどたってから、もう一度送ってください。下書きはそのまま残っています。`
      : `That is more messages than I can take in a short time (up to ${limit.perMinute} a minute). Please send it again in about ${seconds} seconds. Any draft you have is still kept.`;
  return { text: answer, language, sensitivity: 'public' };
}

export interface RateLimitOptions {
  now?: () => number;
  /** Told the platform (never who) each time a turn is refused, for the log. */
  onLimited?: (platform: Platform) => void;
}

/** The handler with a per-person limit in front of every turn and home view. */
export function withRateLimit(handler: ChatHandler, limit: RateLimit, options: RateLimitOptions = {}): ChatHandler {
  const limiter = createTurnLimiter(limit, options.now);
  const refuse = (platform: Platform, text: string, waitMs: number) => {
    options.onLimited?.(platform);
    return tooFast(text, limit, waitMs);
  };
  return {
    async handleTurn(message: IncomingMessage) {
      const { platform } = message.conversation;
      const waitMs = limiter.take(`${platform}:${message.author.platformUserId}`);
      return waitMs ? refuse(platform, message.text, waitMs) : handler.handleTurn(message);
    },
    async home(platform, platformUserId) {
      const waitMs = limiter.take(`${platform}:${platformUserId}`);
      return waitMs ? refuse(platform, '', waitMs) : handler.home(platform, platformUserId);
    },
  };
}
