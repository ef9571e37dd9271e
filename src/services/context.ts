import { AccessGuard } from '../access/guard.ts';
import { createAuditLog } from '../store/audit-repository.ts';
import type { Database, Db, Provider } from '../store/database.ts';

/** What every use case needs: the records, the guard in front of them, and the clock. */
export interface ServiceContext {
  db: Db;
  guard: AccessGuard;
  now: () => Date;
  /** Which database `db` talks to, for the few queries written per provider (case-history search). */
  provider: Provider;
}

/** The context over an open database, with every access decision audited there. */
export function serviceContext(database: Pick<Database, 'db' | 'provider'>, now: () => Date): ServiceContext {
  return { db: database.db, guard: new AccessGuard(createAuditLog(database, now)), now, provider: database.provider };
}
