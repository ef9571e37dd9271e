// Conversation memory as the records-rights services see it: every row, expired or not (rows are
// not swept when they expire, so an old one can still hold a student's name or a draft note).
import type { Tx } from './transaction.ts';

export interface MemoryRow {
  key: string;
  staffId: string;
  /** The parsed JSON state; undefined when the stored text is not JSON. */
  state: unknown;
  updatedAt: Date;
  expiresAt: Date;
}

const PAGE = 1000;
/** Keys bound per statement: well under SQLite's limit on bound parameters. */
const KEY_CHUNK = 500;

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every memory row, read in pages by key. */
export async function allMemoryRows(tx: Tx): Promise<MemoryRow[]> {
  const rows: MemoryRow[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await tx.conversationMemory.findMany({ ...(after === undefined ? {} : { where: { key: { gt: after } } }), orderBy: { key: 'asc' }, take: PAGE });
    rows.push(...page.map((r) => ({ key: r.key, staffId: r.staffId, state: parse(r.state), updatedAt: r.updatedAt, expiresAt: r.expiresAt })));
    if (page.length < PAGE) return rows;
    after = page[page.length - 1]!.key;
  }
}

export async function deleteMemoryRows(tx: Tx, keys: readonly string[]): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < keys.length; i += KEY_CHUNK) {
    deleted += (await tx.conversationMemory.deleteMany({ where: { key: { in: keys.slice(i, i + KEY_CHUNK) } } })).count;
  }
  return deleted;
}
