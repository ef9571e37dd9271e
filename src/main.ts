// `npm start`: load the configuration, open the school's database (migrating it, and building the
// demo school when it is empty), then start the chat: Slack and/or Discord when configured,
// otherwise the terminal (`npm start -- --as <staff_id>`).
import { parseArgs } from 'node:util';
import { loadConfigOrExplain, type Config } from './config/index.ts';
import { openApp, type App } from './app.ts';
import { createShellAdapter } from './adapters/shell/index.ts';
import { findStaffMember } from './store/staff-repository.ts';
import { buildDemoSchool, isDatabaseEmpty, DEMO_DEFAULT_STAFF_ID } from './store/demo/index.ts';

async function prepareSchool(app: App, config: Config): Promise<void> {
  if (config.demo !== 'auto' || !(await isDatabaseEmpty(app.database.db))) return;
  process.stderr.write('データベースが空のため、デモ校を作成しています… / Building the demo school in the empty database…\n');
  const started = Date.now();
  const summary = await buildDemoSchool(app.database.db, { now: config.now() });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stderr.write(`デモ校を作成しました（生徒 ${summary.counts.students}人、${seconds}秒）/ Demo school ready.\n`);
}

/** Slack and/or Discord until SIGTERM or SIGINT; then turns in progress finish before exit. */
async function runChatPlatforms(app: App, config: Config): Promise<number> {
  // Loaded only when used: the Slack and Discord SDKs are slow to load for the terminal chat.
  const { startChatPlatforms } = await import('./chat-platforms.ts');
  const platforms = await startChatPlatforms(app, config);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  app.log.info('shutting_down', { signal });
  await platforms.stop();
  return 0;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { as: { type: 'string' } }, allowPositionals: false });
  const config = loadConfigOrExplain(process.stderr);
  if (!config) return 2;
  const app = await openApp(config);
  try {
    await prepareSchool(app, config);
    if (config.slack || config.discord) return await runChatPlatforms(app, config);
    const staffId = values.as ?? DEMO_DEFAULT_STAFF_ID;
    const staff = await findStaffMember(app.database.db, staffId);
    if (!staff) {
      process.stderr.write(`No staff member with id ${staffId} in this school. Start with --as <staff_id> (see staff.csv).\n`);
      return 2;
    }
    const interactive = Boolean(process.stdin.isTTY);
    const shell = createShellAdapter({
      input: process.stdin,
      output: process.stdout,
      staffId: staff.id,
      interactive,
      now: config.now,
      banner: `寄り添い Yorisoi — ${staff.familyName} ${staff.givenName}（${staff.id}）として接続しました。「help」で使い方、「exit」で終了。`,
    });
    app.notifyThrough(async (recipients, reply) => {
      for (const r of recipients) await shell.sendDirect({ staffId: r.id, displayName: `${r.familyName} ${r.givenName}` }, reply);
    });
    await shell.start(app.engine);
    await shell.finished;
    return 0;
  } finally {
    await app.close();
  }
}

process.exitCode = await main();
