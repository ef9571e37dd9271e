import type { AccessGuard } from '../access/guard.ts';
import type { Db, Provider } from '../store/database.ts';

/** What every use case needs: the records, the guard in front of them, and the clock. */
export interface ServiceContext {
  db: Db;
  guard: AccessGuard;
  now: () => Date;
  /** Which database `db` talks to, for the few queries written per provider (case-history search). Default: sqlite. */
  provider?: Provider;
}
