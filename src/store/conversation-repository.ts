// What a conversation remembers between turns (e.g. the candidates of an ask-back), kept in
// the database so it survives a restart and is shared by every instance.
import type { Db } from './database.ts';

/**
 * One row per conversation and staff member: two teachers in one Slack thread each keep their own
 * draft and focus, and neither can continue the other's.
 */
const rowKey = (conversationKey: string, staffId: string) => `${conversationKey}#${staffId}`;

export async function loadConversationState(db: Db, conversationKey: string, staffId: string, now: Date): Promise<unknown> {
  const row = await db.conversationMemory.findUnique({ where: { key: rowKey(conversationKey, staffId) } });
  if (!row || row.staffId !== staffId || row.expiresAt <= now) return undefined;
  return JSON.parse(row.state) as unknown;
}

export async function saveConversationState(db: Db, conversationKey: string, staffId: string, state: unknown, expiresAt: Date): Promise<void> {
  const key = rowKey(conversationKey, staffId);
  const data = { staffId, state: JSON.stringify(state), expiresAt };
  await db.conversationMemory.upsert({ where: { key }, create: { key, ...data }, update: data });
}

/**
 * Deletes what no conversation can use any more: an expired memory still names students and
 * quotes drafts, and records about children are kept no longer than they serve (APPI art. 22).
 * One indexed DELETE; returns how many rows went.
 */
export function forgetExpiredConversations(db: Db, now: Date): Promise<number> {
  return db.$executeRaw`DELETE FROM "ConversationMemory" WHERE "expiresAt" <= ${now}`;
}
