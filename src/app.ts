// Wires the concrete pieces (database, audit, guard, engine) together. Part of the composition
// root with main.ts; scripts use it too, so the CLI and the bot run the same code.
import type { Config } from './config/index.ts';
import { AccessGuard } from './access/guard.ts';
import { openDatabase, type Database } from './store/database.ts';
import { createAuditLog } from './store/audit-repository.ts';
import { createEngine, type Engine } from './engine/handle-turn.ts';
import type { ServiceContext } from './services/context.ts';
import { createLogger, errorFields, type Logger } from './log.ts';

export interface App {
  database: Database;
  services: ServiceContext;
  engine: Engine;
  log: Logger;
  close(): Promise<void>;
}

export async function openApp(config: Config, log: Logger = createLogger(config.logLevel, process.stderr, config.now)): Promise<App> {
  const database = await openDatabase(config.databaseUrl);
  const services: ServiceContext = {
    db: database.db,
    guard: new AccessGuard(createAuditLog(database.db, config.now)),
    now: config.now,
  };
  const engine = createEngine(services, { onError: (code, error) => log.error(code, errorFields(error)) });
  return { database, services, engine, log, close: () => database.close() };
}
