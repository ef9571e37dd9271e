// `npm start` with Slack configured (HTTP mode), against a local stand-in for Slack's Web API:
// the real bot in a child process, signed events in, Web API calls out. A record question asked
// in a channel is answered by DM with only a pointer in the thread; a slash command ephemerally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchool } from '../../../src/store/import/index.ts';
import { openDatabase, type Db } from '../../../src/store/database.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { freePort, startTs, type RunningProcess } from '../../helpers/run.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../../helpers/sample-school.ts';
import { slackSignature, startSlackStandIn, STAND_IN_BOT_USER, STAND_IN_TEAM, type SlackStandIn } from '../../helpers/slack-stand-in.ts';

const SECRET = 'test-signing-secret';
const T01_SLACK = 'U0AT01YAMADA';
let database: TestDatabase;
let slack: SlackStandIn;
let bot: RunningProcess;
let eventsUrl: string;


/** Reads what the bot (another process) wrote, through a client of our own. */
async function readBotDatabase<T>(read: (db: Db) => Promise<T>): Promise<T> {
  const reader = await openDatabase(database.url, { migrate: false });
  try {
    return await read(reader.db);
  } finally {
    await reader.close();
  }
}

const countProcessed = (key: string) => readBotDatabase((db) => db.processedEvent.count({ where: { key, status: 'done' } }));
const countSent = () => readBotDatabase((db) => db.digestRun.count({ where: { weekOf: '2026-11-16', status: 'sent' } }));

async function post(body: string, contentType: string): Promise<Response> {
  return fetch(eventsUrl, { method: 'POST', headers: { 'content-type': contentType, ...slackSignature(SECRET, body) }, body });
}

beforeAll(async () => {
  database = await createTestDatabase();
  await importSchool(database.db, SAMPLE_SCHOOL_DIR, {});
  await database.close();
  slack = await startSlackStandIn();
  const port = await freePort();
  eventsUrl = `http://127.0.0.1:${port}/slack/events`;
  bot = startTs('src/main.ts', [], {
    env: {
      DATABASE_URL: database.url,
      YORISOI_NOW: SAMPLE_NOW.toISOString(),
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_PORT: String(port),
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'info',
      // Nobody in the sample school has left, so the run finds nothing; it must still run.
      RETENTION_OBSERVATION_YEARS: '5',
    },
  });
  await bot.waitForStderr(/chat_platform_started/);
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
  await database?.destroy();
});

describe('npm start with Slack (HTTP mode) against a stand-in for Slack', () => {
  it('connects: auth.test with the bot token', () => {
    expect(slack.calls.some((c) => c.method === 'auth.test')).toBe(true);
  });

  it('serves /healthz and /readyz (the database is migrated) for a load balancer', async () => {
    const base = eventsUrl.replace('/slack/events', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('a mention about a student in a channel: the answer goes by DM, the thread gets only a pointer', async () => {
    const event = {
      type: 'event_callback',
      team_id: STAND_IN_TEAM,
      api_app_id: 'A0YORISOI',
      event_id: 'Ev0MENTION1',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_mention', user: T01_SLACK, text: `<@${STAND_IN_BOT_USER}> 鈴木結衣さんの様子は？`, ts: '1763600000.000100', channel: 'C0STAFFROOM', event_ts: '1763600000.000100' },
    };
    const response = await post(JSON.stringify(event), 'application/json');
    expect(response.status).toBe(200);

    const dm = await slack.waitFor((c) => c.method === 'chat.postMessage' && String(c.body.channel).startsWith('D') && JSON.stringify(c.body).includes('鈴木'));
    expect(JSON.stringify(dm.body)).toContain('欠席');
    const pointer = await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0STAFFROOM');
    expect(pointer.body.thread_ts).toBe('1763600000.000100');
    const inChannel = slack.calls.filter((c) => ['chat.postMessage', 'chat.update'].includes(c.method) && c.body.channel === 'C0STAFFROOM');
    for (const post of inChannel) expect(JSON.stringify(post.body)).not.toMatch(/鈴木|結衣|S002|欠席/);

    // Slack retries the event (it thinks the first delivery was lost): the database-backed
    // ledger drops it, so the teacher gets one answer, not two.
    // (The week's digests, sent at start, are posts too: only answers count here.)
    const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && !JSON.stringify(c.body).includes('週のまとめ')).length;
    const before = posts();
    const retry = JSON.stringify(event);
    const again = await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout', ...slackSignature(SECRET, retry) }, body: retry });
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(posts()).toBe(before);
    expect(await countProcessed('slack:Ev0MENTION1')).toBe(1);
  });

  it('a slash command is answered ephemerally through its response_url', async () => {
    const form = new URLSearchParams({
      command: '/yorisoi',
      text: '鈴木結衣さんの様子は？',
      user_id: T01_SLACK,
      user_name: 'yamada',
      channel_id: 'C0STAFFROOM',
      team_id: STAND_IN_TEAM,
      response_url: slack.responseUrl,
      trigger_id: '1.2.3',
      api_app_id: 'A0YORISOI',
    }).toString();
    const response = await post(form, 'application/x-www-form-urlencoded');
    expect(response.status).toBe(200);
    const reply = await slack.waitFor((c) => c.method === 'response_url' && JSON.stringify(c.body).includes('鈴木'));
    expect(reply.body.response_type).toBe('ephemeral');
  });

  it("catches up on this week's digest after start: one DM to each staff member on Slack", async () => {
    // YORISOI_NOW is Friday 17:00, past the default Friday 16:00 schedule: due at start.
    const digests = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && JSON.stringify(c.body).includes('週のまとめ'));
    const deadline = Date.now() + 20_000;
    while (digests().length < 7 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const channels = digests().map((c) => String(c.body.channel));
    expect(channels.sort()).toEqual(['D0U0AA01MATSUMOTO', 'D0U0AC01ISHII', 'D0U0AN01AOKI', 'D0U0AT01YAMADA', 'D0U0AT02MORI', 'D0U0AT03INOUE', 'D0U0AT04HAYASHI']);
    expect(await countSent()).toBe(7);
  });

  it('runs the retention policy once the day is past 03:00 (a catch-up at start), logging counts only', async () => {
    await bot.waitForStderr(/retention\.run/);
    const line = bot.stderr().split('\n').find((l) => l.includes('retention.run'))!;
    expect(JSON.parse(line)).toMatchObject({ event: 'retention.run', studentsDeleted: 0, observationsDeleted: 0 });
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await bot.stop('SIGTERM')).toBe(0);
  });
});
