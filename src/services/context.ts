import type { AccessGuard } from '../access/guard.ts';
import type { Db } from '../store/database.ts';

/** What every use case needs: the records, the guard in front of them, and the clock. */
export interface ServiceContext {
  db: Db;
  guard: AccessGuard;
  now: () => Date;
}
