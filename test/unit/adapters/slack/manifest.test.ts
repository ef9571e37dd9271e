// SECURITY.md checklist 17: the manifest asks only for what the adapter uses, and subscribes to
// exactly the events it listens to. (No YAML parser in the project: the lists are read by line.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifest = readFileSync(new URL('../../../../slack/manifest.yaml', import.meta.url), 'utf8');
const listeners = readFileSync(new URL('../../../../src/adapters/slack/listeners.ts', import.meta.url), 'utf8');

/** The `- item` lines directly under `key:`. */
function listUnder(key: string): string[] {
  const lines = manifest.split('\n');
  const start = lines.findIndex((l) => l.trim() === `${key}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const item = /^\s+- (\S+)$/.exec(line);
    if (!item) break;
    items.push(item[1]!);
  }
  return items;
}

describe('SECURITY checklist 17: least privilege: the Slack manifest asks only the scopes it uses (slack/manifest.yaml)', () => {
  it('asks for the fewest bot scopes the features need', () => {
    expect(listUnder('bot').sort()).toEqual(['app_mentions:read', 'channels:read', 'chat:write', 'commands', 'files:write', 'groups:read', 'im:history', 'im:write', 'reactions:write']);
  });

  it('says why each bot scope is there, the digest channel scopes included', () => {
    for (const scope of listUnder('bot')) expect(manifest, scope).toMatch(new RegExp(`^#\\s+${scope.replace('.', '\\.')}\\s+\\S`, 'm'));
    expect(manifest).toMatch(/channels:read.*only for DIGEST_SLACK_CHANNEL/);
  });

  it('subscribes to exactly the events the adapter listens to', () => {
    const listened = [...listeners.matchAll(/app\.event\('([a-z_]+)'/g)].map((m) => (m[1] === 'message' ? 'message.im' : m[1]!));
    expect(listUnder('bot_events').sort()).toEqual([...new Set(listened)].sort());
  });

  it('runs in Socket Mode by default, with the HTTP endpoint documented', () => {
    expect(manifest).toMatch(/^\s+socket_mode_enabled: true$/m);
    const urls = [...manifest.matchAll(/^\s*# (?:url|request_url): (\S+)$/gm)].map((m) => m[1]!);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url.endsWith('/slack/events')).toBe(true);
    expect(manifest).toContain('command: /yorisoi');
  });
});
