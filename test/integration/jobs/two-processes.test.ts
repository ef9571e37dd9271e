// Exactly one digest per recipient per week with real processes on one database (SECURITY.md
// checklist 12): two instances racing through the same list, and an instance killed mid-run.
// SQLite file by default; PostgreSQL in the pg tier.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { runSender, startSender } from './sender.ts';

const WEEK = '2026-11-16';
const LEASE_MS = 60_000;

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
const counts = (lines: string[]) => lines.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
const summary = (stderr: string) => JSON.parse(/^done (.*)$/m.exec(stderr)![1]!) as { sent: number; alreadyDone: number; failed: number };
const rows = (prefix: string) => database.db.digestRun.findMany({ where: { recipientId: { startsWith: `${prefix}-` }, weekOf: WEEK }, orderBy: { id: 'asc' } });

// Each test spawns up to three processes; on a loaded two-core machine that alone can take 20 s.
describe('SECURITY checklist 12: exactly one digest per recipient per week even with two instances running or a restart mid-run (two processes, one database)', { timeout: 90_000 }, () => {
  it('two instances running the same week at once deliver to each of 40 recipients exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yorisoi-digest-'));
    const go = join(dir, 'go');
    const env = { DATABASE_URL: database.url, WEEK_OF: WEEK, RECIPIENTS: '40', PREFIX: 'race', DELIVER_MS: '30', LEASE_MS: String(LEASE_MS), GO_FILE: go };
    const a = startSender({ ...env, INSTANCE_ID: 'a' });
    const b = startSender({ ...env, INSTANCE_ID: 'b' });
    // Both connected before either starts, so they really race for the same recipients.
    await Promise.all([a.waitForStderr(/^ready$/m), b.waitForStderr(/^ready$/m)]);
    writeFileSync(go, '');
    expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
    rmSync(dir, { recursive: true, force: true });

    const all = [...a.delivered(), ...b.delivered()];
    // Both took part: otherwise this would prove nothing about the race. (A lost claim costs a
    // failed insert, slower than a won one; 30 ms deliveries let the loser catch up and leapfrog.)
    expect(a.delivered().length).toBeGreaterThan(0);
    expect(b.delivered().length).toBeGreaterThan(0);
    expect([...counts(all).entries()].sort()).toEqual(ids('race', 40).map((id) => [id, 1]).sort());
    expect(summary(a.stderr()).sent + summary(b.stderr()).sent).toBe(40);
    expect(summary(a.stderr()).alreadyDone + summary(b.stderr()).alreadyDone).toBe(40);
    const stored = await rows('race');
    expect(stored).toHaveLength(40);
    expect(stored.every((r) => r.status === 'sent' && r.sentAt !== null)).toBe(true);
    // Each row names the instance whose stdout has that recipient.
    for (const r of stored) expect((r.claimedBy === 'a' ? a : b).delivered()).toContain(r.recipientId);
  });

  it('an instance killed mid-run leaves its in-flight claim to be taken over after the lease; nobody is delivered twice', async () => {
    const env = { DATABASE_URL: database.url, WEEK_OF: WEEK, RECIPIENTS: '40', PREFIX: 'kill', LEASE_MS: String(LEASE_MS) };
    const killed = startSender({ ...env, INSTANCE_ID: 'killed', DELIVER_MS: '500' });
    // Three delivered and the fourth being built: kill it there, as a crashed server would stop.
    await killed.waitForStderr(/^delivering kill-4$/m);
    killed.kill('SIGKILL');
    expect(await killed.exited).toBe('SIGKILL');
    expect(killed.delivered()).toEqual(['kill-1', 'kill-2', 'kill-3']);
    expect((await rows('kill')).map((r) => [r.recipientId, r.status])).toEqual([
      ['kill-1', 'sent'],
      ['kill-2', 'sent'],
      ['kill-3', 'sent'],
      ['kill-4', 'claimed'],
    ]);

    // Restarted at once: the dead claim's lease still runs, so kill-4 is left alone.
    const restarted = await runSender({ ...env, INSTANCE_ID: 'restarted', DELIVER_MS: '1' });
    expect(restarted.delivered()).toEqual(ids('kill', 40).filter((id) => !['kill-1', 'kill-2', 'kill-3', 'kill-4'].includes(id)));

    // A check after the lease has run out (the clock moved on rather than the test waiting).
    const later = await runSender({ ...env, INSTANCE_ID: 'later', DELIVER_MS: '1', CLOCK_OFFSET_MS: String(LEASE_MS + 1000) });
    expect(later.delivered()).toEqual(['kill-4']);

    const all = [...killed.delivered(), ...restarted.delivered(), ...later.delivered()];
    expect([...counts(all).values()].every((n) => n === 1)).toBe(true);
    expect(new Set(all)).toEqual(new Set(ids('kill', 40)));
    expect((await rows('kill')).every((r) => r.status === 'sent')).toBe(true);
  });

  it('the one window: killed after a delivery but before recording it, that recipient is delivered again after the lease', async () => {
    // Delivery and the 'sent' row cannot be one transaction (one is a Slack or Discord call). A
    // death between the two is the only way a recipient gets a week twice, and only that one.
    const env = { DATABASE_URL: database.url, WEEK_OF: WEEK, RECIPIENTS: '10', PREFIX: 'window', LEASE_MS: String(LEASE_MS), DELIVER_MS: '1' };
    const killed = startSender({ ...env, INSTANCE_ID: 'killed', DIE_AFTER: '3' });
    expect(await killed.exited).toBe('SIGKILL');
    expect(killed.delivered()).toEqual(['window-1', 'window-2', 'window-3']);

    const later = await runSender({ ...env, INSTANCE_ID: 'later', CLOCK_OFFSET_MS: String(LEASE_MS + 1000) });
    const twice = [...counts([...killed.delivered(), ...later.delivered()]).entries()].filter(([, n]) => n > 1).map(([id]) => id);
    expect(twice).toEqual(['window-3']);
    expect((await rows('window')).every((r) => r.status === 'sent')).toBe(true);
  });
});
