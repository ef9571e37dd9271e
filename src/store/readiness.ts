// Is this instance's database usable: reachable, and carrying every migration this code expects?
// An instance started before a newer one migrated, or pointed at a database restored from an old
// backup, is alive but must not take traffic (HTTP mode's /readyz).
import type { Readiness } from '../chat/types.ts';
import type { Database } from './database.ts';
import { migrationNames } from './migrate.ts';

export async function checkReadiness({ db, provider }: Pick<Database, 'db' | 'provider'>): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await db.$queryRawUnsafe<{ name: string }[]>('SELECT name FROM _yorisoi_migrations');
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return { ready: false, reason: 'database_unreachable' };
  }
  return migrationNames(provider).every((name) => applied.has(name)) ? { ready: true } : { ready: false, reason: 'migrations_pending' };
}
