import { loadConversationState, saveConversationState } from '../store/conversation-repository.ts';
import type { ServiceContext } from './context.ts';

/** Memory between turns, per conversation and staff member, expiring after `ttlMs`. */
export function conversationMemory(ctx: ServiceContext, ttlMs: number) {
  return {
    load: (key: string, staffId: string) => loadConversationState(ctx.db, key, staffId, ctx.now()),
    save: (key: string, staffId: string, state: unknown) =>
      saveConversationState(ctx.db, key, staffId, state, new Date(ctx.now().getTime() + ttlMs)),
  };
}
