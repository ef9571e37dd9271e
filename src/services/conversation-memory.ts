import { forgetExpiredConversations, loadConversationState, saveConversationState } from '../store/conversation-repository.ts';
import type { ServiceContext } from './context.ts';

/** How often a process clears expired memories: they are unreadable already, only kept data. */
export const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** Memory between turns, per conversation and staff member, expiring after `ttlMs`. */
export function conversationMemory(ctx: ServiceContext, ttlMs: number) {
  let lastSweep = -Infinity;
  return {
    load: (key: string, staffId: string) => loadConversationState(ctx.db, key, staffId, ctx.now()),
    async save(key: string, staffId: string, state: unknown) {
      const now = ctx.now();
      await saveConversationState(ctx.db, key, staffId, state, new Date(now.getTime() + ttlMs));
      if (now.getTime() - lastSweep >= SWEEP_EVERY_MS) {
        lastSweep = now.getTime();
        await forgetExpiredConversations(ctx.db, now);
      }
    },
  };
}
