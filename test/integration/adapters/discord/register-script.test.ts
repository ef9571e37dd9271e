// scripts/register-discord-commands.ts against a faked Discord: the right route (server or
// global), the command JSON as defined, the bot token, and a readable summary.
import { PassThrough } from 'node:stream';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../../scripts/register-discord-commands.ts';
import { commandDefinitions } from '../../../../src/adapters/discord/commands.ts';
import { fakeDiscordApi, fetchTransport } from './fake-discord-api.ts';
import { APPLICATION_ID, GUILD_ID } from './gateway.ts';

const ENV = { DISCORD_TOKEN: 'test-bot-token', DISCORD_APPLICATION_ID: APPLICATION_ID };
// fetch as the transport so nock sees the request; no retries so a failure is reported at once.
const REST_FOR_TESTS = { makeRequest: fetchTransport, retries: 0 };

function io(env: Record<string, string | undefined>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  return { io: { stdout, stderr, env, rest: REST_FOR_TESTS }, out: () => out, err: () => err };
}

let api: ReturnType<typeof fakeDiscordApi> | undefined;
afterEach(() => {
  api?.stop();
  api = undefined;
  nock.cleanAll();
});

describe('register-discord-commands script', () => {
  it('with --guild, PUTs the definitions to that server and prints what was registered', async () => {
    api = fakeDiscordApi();
    const run = io(ENV);
    expect(await main(['--guild', GUILD_ID], run.io)).toBe(0);
    expect(api.requests).toHaveLength(1);
    const [put] = api.requests;
    expect(put).toMatchObject({ method: 'PUT', path: `/applications/${APPLICATION_ID}/guilds/${GUILD_ID}/commands`, authorization: 'Bot test-bot-token' });
    expect(put!.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions)));
    expect(run.out()).toContain(`server ${GUILD_ID}`);
    expect(run.out()).toContain('/yorisoi ask | log | suggest | digest');
  });

  it('without --guild, registers globally', async () => {
    api = fakeDiscordApi();
    const run = io(ENV);
    expect(await main([], run.io)).toBe(0);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /applications/${APPLICATION_ID}/commands`]);
    expect(run.out()).toContain('globally');
  });

  it('explains missing settings or a bad --guild and calls nothing', async () => {
    api = fakeDiscordApi();
    const missing = io({});
    expect(await main([], missing.io)).toBe(2);
    expect(missing.err()).toContain('DISCORD_TOKEN and DISCORD_APPLICATION_ID must be set');
    const badGuild = io(ENV);
    expect(await main(['--guild', 'staff-room'], badGuild.io)).toBe(2);
    expect(badGuild.err()).toContain('--guild must be a server id');
    expect(api.requests).toEqual([]);
  });

  it('reports a rejected token with exit status 1', async () => {
    nock('https://discord.com').put(`/api/v10/applications/${APPLICATION_ID}/commands`).reply(401, { message: '401: Unauthorized', code: 0 });
    const run = io(ENV);
    expect(await main([], run.io)).toBe(1);
    expect(run.err()).toContain('registration failed');
    expect(run.err()).not.toContain('test-bot-token');
  });
});
