// What a conversation remembers between turns (e.g. the candidates of an ask-back), kept in
// the database so it survives a restart and is shared by every instance.
import type { Db } from './database.ts';

/** The state saved by this staff member in this conversation; another member's state is not theirs to continue. */
export async function loadConversationState(db: Db, key: string, staffId: string, now: Date): Promise<unknown> {
  const row = await db.conversationMemory.findUnique({ where: { key } });
  if (!row || row.staffId !== staffId || row.expiresAt <= now) return undefined;
  return JSON.parse(row.state) as unknown;
}

export async function saveConversationState(db: Db, key: string, staffId: string, state: unknown, expiresAt: Date): Promise<void> {
  const data = { staffId, state: JSON.stringify(state), expiresAt };
  await db.conversationMemory.upsert({ where: { key }, create: { key, ...data }, update: data });
}

export async function clearConversationState(db: Db, key: string): Promise<void> {
  await db.conversationMemory.deleteMany({ where: { key } });
}
