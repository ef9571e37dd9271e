// No personal data in application logs (SECURITY.md "Every access is audited ... no personal data in
// application logs"; issue 7 point 6). The real bot runs the end-to-end scenarios at debug level:
// Slack in HTTP mode against a local stand-in (questions in a channel and by DM, an out-of-scope
// question, a note with safeguarding words saved, a forged request, the week's digests), the
// terminal chat, and the CLI. Then every line they logged is searched for the sample school's
// names (kanji, kana, romaji) and student numbers: none may appear, and every bot log line is JSON.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSchool } from '../../src/store/import/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { freePort, runTs, startTs, type RunningProcess } from '../helpers/run.ts';
import { SAMPLE_NOW, SAMPLE_SCHOOL_DIR } from '../helpers/sample-school.ts';
import { fixtureTermsIn } from '../helpers/fixture-terms.ts';
import { slackSignature, startSlackStandIn, STAND_IN_BOT_USER, STAND_IN_TEAM, type SlackStandIn } from '../helpers/slack-stand-in.ts';

const SECRET = 'log-test-signing-secret';
const T01_SLACK = 'U0AT01YAMADA';
const T04_SLACK = 'U0AT04HAYASHI';




let database: TestDatabase;
let slack: SlackStandIn;
let bot: RunningProcess;
let eventsUrl: string;
let eventNo = 0;
const logged: string[] = [];

function event(user: string, text: string, channel: string, extra: Record<string, unknown> = {}) {
  eventNo += 1;
  return {
    type: 'event_callback',
    team_id: STAND_IN_TEAM,
    api_app_id: 'A0YORISOI',
    event_id: `Ev0LOG${eventNo}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { user, text, ts: `1763600000.00${100 + eventNo}`, channel, event_ts: `1763600000.00${100 + eventNo}`, ...extra },
  };
}

async function post(body: string, contentType = 'application/json', headers: Record<string, string> = slackSignature(SECRET, body)): Promise<number> {
  return (await fetch(eventsUrl, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body })).status;
}

async function dmReply(channel: string, includes: string): Promise<void> {
  await slack.waitFor((c) => c.method === 'chat.postMessage' && c.body.channel === channel && JSON.stringify(c.body).includes(includes), 15_000);
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
      LOG_LEVEL: 'debug',
    },
  });
  await bot.waitForStderr(/chat_platform_started/);
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await slack?.close();
  await database?.destroy();
});

describe('application logs hold no personal data (issue 7: logs)', () => {
  it('the search would see a leak: kanji, kana, romaji and student numbers', () => {
    expect(fixtureTermsIn(['{"event":"x","detail":"鈴木"}', '{"detail":"たかはし"}', '{"detail":"Yui was absent"}', '{"student":"S003"}', '{"staff":"T01","detail":"yamada"}'])).toHaveLength(5);
    expect(fixtureTermsIn(['{"event":"slack_event","staff":"T01","user":"U0AT01YAMADA","count":3}'])).toEqual([]);
  });

  it('the Slack bot: questions, an out-of-scope question, a safeguarding note saved, a forged request, the digests', async () => {
    expect(await post(JSON.stringify(event(T01_SLACK, `<@${STAND_IN_BOT_USER}> 鈴木結衣さんの様子は？`, 'C0STAFFROOM', { type: 'app_mention' })))).toBe(200);
    await dmReply('D0U0AT01YAMADA', '欠席');
    expect(await post(JSON.stringify(event(T04_SLACK, '高橋蓮さんはどう？', 'D0U0AT04HAYASHI', { type: 'message', channel_type: 'im' })))).toBe(200);
    await dmReply('D0U0AT04HAYASHI', 'お答えできません');
    expect(await post(JSON.stringify(event(T01_SLACK, '記録：田中美咲さん、保健室で「消えたい」と話していた', 'D0U0AT01YAMADA', { type: 'message', channel_type: 'im' })))).toBe(200);
    await dmReply('D0U0AT01YAMADA', '下書き');
    expect(await post(JSON.stringify(event(T01_SLACK, '保存', 'D0U0AT01YAMADA', { type: 'message', channel_type: 'im' })))).toBe(200);
    await dmReply('D0U0AT01YAMADA', '保存しました');
    const forged = JSON.stringify(event(T01_SLACK, '佐藤陽翔さんは？', 'C0STAFFROOM', { type: 'app_mention' }));
    expect(await post(forged, 'application/json', slackSignature('not-the-secret', forged))).toBe(401);
    // The week's digests went out at start (Friday 17:00 is past the schedule).
    await slack.waitFor((c) => c.method === 'chat.postMessage' && JSON.stringify(c.body).includes('週のまとめ'), 20_000);
    expect(await bot.stop('SIGTERM')).toBe(0);

    const lines = bot.stderr().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(() => JSON.parse(line), line).not.toThrow();
    expect(fixtureTermsIn(lines)).toEqual([]);
  }, 90_000);

  it('the terminal chat and the CLI', async () => {
    const env = { DATABASE_URL: database.url, YORISOI_NOW: SAMPLE_NOW.toISOString(), LOG_LEVEL: 'debug' };
    const shell = await runTs('src/main.ts', ['--as', 'T01'], { env, input: '鈴木結衣さんの様子は？\n中村葵さんは？\n記録：高橋蓮さん、今日は別室で過ごせた\n保存\n田中さんへの支援案は？\n今週のまとめ\n' });
    expect(shell.status).toBe(0);
    expect(shell.stdout).toContain('鈴木'); // the answers themselves name students; only the log must not
    const analyse = await runTs('scripts/cli.ts', ['analyze', 'S003', '--as', 'T01'], { env });
    const digest = await runTs('scripts/cli.ts', ['digest', 'send', '--dry-run', '--out', mkdtempSync(join(tmpdir(), 'yorisoi-log-digest-'))], { env });
    expect(analyse.status).toBe(0);
    expect(digest.status).toBe(0);
    logged.push(...[shell.stderr, analyse.stderr, digest.stderr].flatMap((s) => s.split('\n').filter(Boolean)));
    expect(fixtureTermsIn(logged)).toEqual([]);
  }, 90_000);
});
