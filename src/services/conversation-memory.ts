import { clearConversationState, loadConversationState, saveConversationState } from '../store/conversation-repository.ts';
import type { ServiceContext } from './context.ts';

/** Per-conversation memory between turns, expiring after `ttlMs`. */
export function conversationMemory(ctx: ServiceContext, ttlMs: number) {
  return {
    load: (key: string, staffId: string) => loadConversationState(ctx.db, key, staffId, ctx.now()),
    save: (key: string, staffId: string, state: unknown) =>
      saveConversationState(ctx.db, key, staffId, state, new Date(ctx.now().getTime() + ttlMs)),
    clear: (key: string) => clearConversationState(ctx.db, key),
  };
}
