// Issue 8: two bot processes (the real `npm start`, Slack HTTP mode) behind one Slack app, sharing
// one database: PostgreSQL in .ci/run's second tier, SQLite otherwise. They start together on an
// empty database (migrations run once, under the lock), a Slack event delivered to both is
// handled once, and a process killed in the middle of saving loses no observation it confirmed
// and leaves none half-written. (Each digest going out once with two instances is proven with
// real processes in test/integration/jobs/two-processes.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/store/database.ts';
import { importSchool } from '../../../src/store/import/index.ts';
import { migrationNames } from '../../../src/store/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { freePort, startTs, type RunningProcess } from '../../helpers/run.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';
import { slackSignature, startSlackStandIn, STAND_IN_BOT_USER, STAND_IN_TEAM, type SlackCall, type SlackStandIn } from '../../helpers/slack-stand-in.ts';

const SECRET = 'two-bots-signing-secret';
const T01_SLACK = 'U0AT01YAMADA';
const T01_DM = 'D0U0AT01YAMADA';

let database: TestDatabase;
let slack: SlackStandIn;
const bots: { process: RunningProcess; url: string }[] = [];
let eventNo = 0;


async function withReader<T>(read: (db: Db) => Promise<T>): Promise<T> {
  const reader = await openDatabase(database.url, { migrate: false });
  try {
    return await read(reader.db);
  } finally {
    await reader.close();
  }
}

function dm(text: string, user = T01_SLACK, channel = T01_DM): string {
  eventNo += 1;
  return JSON.stringify({
    type: 'event_callback',
    team_id: STAND_IN_TEAM,
    api_app_id: 'A0YORISOI',
    event_id: `Ev0TWO${eventNo}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { type: 'message', channel_type: 'im', user, text, ts: `1763700000.${String(eventNo).padStart(6, '0')}`, channel, event_ts: '1' },
  });
}

const post = async (url: string, body: string) => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...slackSignature(SECRET, body) }, body })).status;
const postsTo = (channel: string, includes: string) => slack.calls.filter((c: SlackCall) => c.method === 'chat.postMessage' && c.body.channel === channel && JSON.stringify(c.body).includes(includes));

async function startBot(): Promise<{ process: RunningProcess; url: string }> {
  const port = await freePort();
  const process = startTs('src/main.ts', [], {
    env: {
      DATABASE_URL: database.url,
      YORISOI_NOW: SAMPLE_NOW.toISOString(),
      YORISOI_DEMO: 'off',
      DIGEST_SCHEDULE: 'off',
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_PORT: String(port),
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'info',
    },
  });
  return { process, url: `http://127.0.0.1:${port}/slack/events` };
}

beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
  await database.close();
  slack = await startSlackStandIn();
  // Both at once, on a database no one has migrated yet.
  bots.push(...(await Promise.all([startBot(), startBot()])));
  await Promise.all(bots.map((b) => b.process.waitForStderr(/chat_platform_started/, 60_000)));
}, 90_000);

afterAll(async () => {
  for (const bot of bots) await bot.process.stop('SIGKILL');
  await slack?.close();
  await database?.destroy();
});

describe('two instances, one database', () => {
  it('started together on an empty database: every migration applied exactly once', async () => {
    const applied = await withReader((db) => db.$queryRawUnsafe<{ name: string }[]>('SELECT name FROM _yorisoi_migrations ORDER BY name'));
    expect(applied.map((r) => r.name)).toEqual(migrationNames(database.provider));
    // The school arrives once both are up (no demo school: YORISOI_DEMO=off).
    const writer = await openDatabase(database.url, { migrate: false });
    await importSchool(writer.db, SAMPLE_SCHOOL_DIR, {});
    await writer.close();
  });

  it('a Slack event delivered to both instances, at the same moment, is answered once', async () => {
    for (const [i, name] of ['鈴木結衣', '高橋蓮', '田中美咲'].entries()) {
      const body = dm(`${name}さんの様子は？`);
      expect(await Promise.all(bots.map((b) => post(b.url, body)))).toEqual([200, 200]);
      await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === T01_DM && JSON.stringify(c.body).includes(name.slice(0, 2)) && JSON.stringify(c.body).includes('授業日'));
      await new Promise((r) => setTimeout(r, 800)); // time for a second answer, were there one
      expect(postsTo(T01_DM, '授業日').length).toBe(i + 1);
    }
    expect(await withReader((db) => db.processedEvent.count({ where: { status: 'done' } }))).toBe(3);
  });

  it('killed mid-save: every observation it confirmed is stored, none half-written, and the other instance carries on', async () => {
    const [victim, survivor] = bots as [(typeof bots)[number], (typeof bots)[number]];
    const before = await withReader((db) => db.observation.count({ where: { source: 'chat' } }));
    // Ten teachers' drafts (ten conversations: one DM channel each), then ten saves at once,
    // and the process killed while they are in flight.
    const channels = Array.from({ length: 10 }, (_, i) => `D0KILL${i}`);
    for (const [i, channel] of channels.entries()) {
      expect(await post(victim.url, dm(`記録：佐藤陽翔さん、メモ${i}番、昼休みに図書室で過ごした`, T01_SLACK, channel))).toBe(200);
    }
    for (const channel of channels) await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel && JSON.stringify(c.body).includes('下書き'));
    await Promise.all(channels.map((channel) => post(victim.url, dm('保存', T01_SLACK, channel))));
    await new Promise((r) => setTimeout(r, 150));
    expect(await victim.process.stop('SIGKILL')).toBe(null); // killed by the signal, no exit status

    const confirmed = channels.filter((channel) => postsTo(channel, '保存しました').length > 0);
    const stored = await withReader((db) => db.observation.findMany({ where: { source: 'chat', text: { contains: '昼休みに図書室で過ごした' } } }));
    // Nothing the teacher was told was saved is missing; nothing is stored twice or in part.
    for (const channel of confirmed) expect(stored.some((o) => o.text.includes(`メモ${channel.slice(-1)}番`))).toBe(true);
    expect(new Set(stored.map((o) => o.text)).size).toBe(stored.length);
    for (const o of stored) expect(o).toMatchObject({ studentId: 'S001', authorId: 'T01', version: 1, concern: 'none' });
    expect(await withReader((db) => db.observation.count({ where: { source: 'chat' } }))).toBe(before + stored.length);

    // The survivor answers as before, on the same database.
    const body = dm('記録：高橋蓮さん、生存確認メモ');
    expect(await post(survivor.url, body)).toBe(200);
    await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === T01_DM && JSON.stringify(c.body).includes('生存確認メモ'));
    expect(await post(survivor.url, dm('保存'))).toBe(200);
    await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === T01_DM && JSON.stringify(c.body).includes('保存しました'));
    expect(await withReader((db) => db.observation.count({ where: { text: { contains: '生存確認メモ' } } }))).toBe(1);
  }, 120_000);
});
