// SECURITY.md checklist 14: app_uninstalled / tokens_revoked remove that workspace's tokens and
// nothing else; afterwards its events are not acted on.
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { eventEnvelope, mentionEvent, recordSlackApi, startHarness, TEAM, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
  nock.cleanAll();
});

const OTHER = { platform: 'slack' as const, workspaceId: 'T0OTHER', botToken: 'xoxb-other', botUserId: 'U0BOT2' };
const uninstalled = (team = TEAM) => ({ token: 'x', team_id: team, api_app_id: 'A0APP', type: 'event_callback', event_id: `EvUninstall${team}`, event_time: 1, event: { type: 'app_uninstalled' } });
const revoked = (tokens: Record<string, string[]>) => ({ token: 'x', team_id: TEAM, api_app_id: 'A0APP', type: 'event_callback', event_id: `EvRevoke${Object.keys(tokens).join()}`, event_time: 1, event: { type: 'tokens_revoked', tokens } });

describe('SECURITY checklist 14: app_uninstalled / tokens_revoked -> that workspace\'s tokens gone, others untouched', () => {
  it('app_uninstalled removes the workspace; its next event is not handled; others are untouched', async () => {
    const api = recordSlackApi();
    h = await startHarness();
    await h.installations.save(OTHER);

    expect((await h.send(uninstalled())).status).toBe(200);
    await h.adapter.idle();
    expect(await h.installations.find('slack', TEAM)).toBeUndefined();
    expect(await h.installations.find('slack', 'T0OTHER')).toEqual(OTHER);

    const response = await h.send(eventEnvelope(mentionEvent('出席は？')));
    expect(response.status).toBeLessThan(500);
    await h.adapter.idle();
    expect(h.handler.turns).toEqual([]);
    expect(api.calls.map((c) => c.method)).toEqual(['auth.test']);
    expect(h.logs.map((l) => l.code)).toContain('slack_workspace_not_installed');

    // The other workspace still works, with its own token.
    await h.send(eventEnvelope(mentionEvent('出席は？'), 'EvOther', 'T0OTHER'));
    await h.adapter.idle();
    expect(h.handler.turns).toHaveLength(1);
    expect(api.of('chat.postMessage')[0]!.body.team_id).toBe('T0OTHER');
    expect(api.of('chat.postMessage')[0]!.auth).toBe('Bearer xoxb-other');
  });

  it('tokens_revoked removes the workspace when the bot token is among them', async () => {
    recordSlackApi();
    h = await startHarness();
    await h.send(revoked({ oauth: ['U0ASKER'], bot: [] }));
    await h.adapter.idle();
    expect(await h.installations.find('slack', TEAM)).toBeDefined();

    await h.send(revoked({ bot: ['U0BOT'] }));
    await h.adapter.idle();
    expect(await h.installations.find('slack', TEAM)).toBeUndefined();
    expect(h.logs).toContainEqual({ level: 'info', code: 'slack_workspace_removed', fields: { teamId: TEAM } });
  });
});
