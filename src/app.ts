// Wires the concrete pieces (database, audit, guard, engine) together. Part of the composition
// root with main.ts; scripts use it too, so the CLI and the bot run the same code.
import type { Config } from './config/index.ts';
import { openDatabase, type Database } from './store/database.ts';
import { createEngine, type Engine } from './engine/handle-turn.ts';
import type { Notify } from './engine/turn.ts';
import { createChatModel, createLlmEngine } from './engine/llm/index.ts';
import { serviceContext, type ServiceContext } from './services/context.ts';
import { createLogger, errorFields, type Logger } from './log.ts';

export interface App {
  database: Database;
  services: ServiceContext;
  engine: Engine;
  log: Logger;
  /** Where direct messages (safeguarding alerts) go; set once the adapters are up. */
  notifyThrough(notify: Notify): void;
  close(): Promise<void>;
}

export async function openApp(config: Config, log: Logger = createLogger(config.logLevel, process.stderr, config.now)): Promise<App> {
  const database = await openDatabase(config.databaseUrl);
  const services = serviceContext(database, config.now);
  // Until an adapter is connected, an alert is at least logged (without personal data).
  let notify: Notify = async (recipients) => log.warn('alert_not_delivered', { recipients: recipients.length });
  const onError = (code: string, error: unknown) => log.error(code, errorFields(error));
  const offline = createEngine(services, { onError, notify: (recipients, reply) => notify(recipients, reply) });
  // The school's choice, per deployment: the offline engine sends nothing anywhere.
  const engine: Engine =
    config.engine === 'openai'
      ? createLlmEngine({ offline, model: createChatModel(config.openai), now: config.now, onError, onFallback: (step, reason) => log.warn('llm_fallback', { step, reason }) })
      : offline;
  return {
    database,
    services,
    engine,
    log,
    notifyThrough(next) {
      notify = next;
    },
    close: () => database.close(),
  };
}
