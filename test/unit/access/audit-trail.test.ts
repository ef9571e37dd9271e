// Reading the audit trail itself: admins only (policy.mayReadAudit), decided and audited by the guard.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/access/audit.ts';
import { AccessGuard } from '../../../src/access/guard.ts';
import { mayReadAudit, type StaffMember } from '../../../src/access/policy.ts';
import { ROLES } from '../../../src/domain/school.ts';

const person = (role: StaffMember['role']): StaffMember => ({ id: 'X01', role, familyName: '松本', givenName: '浩', preferredLanguage: 'ja', homeroomClassIds: [], taughtClassIds: [] });

function recordingGuard() {
  const entries: AuditEntry[] = [];
  return { entries, guard: new AccessGuard({ record: async (e) => void entries.push(e), recordMany: async (es) => void entries.push(...es) }) };
}

describe('reading the audit trail', () => {
  it('is for admins only, whatever else the role may see', () => {
    expect(ROLES.filter((role) => mayReadAudit(person(role)))).toEqual(['admin']);
  });

  it('a refusal runs nothing and is audited as a denied read of kind audit', async () => {
    const { guard, entries } = recordingGuard();
    let ran = false;
    const outcome = await guard.readAuditTrail({ staff: person('counselor'), studentId: 'S002', intent: 'audit_query' }, async () => (ran = true));
    expect(outcome).toEqual({ allowed: false, reason: 'kind_not_permitted' });
    expect(ran).toBe(false);
    expect(entries).toEqual([{ actorId: 'X01', studentId: 'S002', action: 'read', kind: 'audit', intent: 'audit_query', result: 'denied', reason: 'kind_not_permitted' }]);
  });

  it('an allowed read is audited after it ran, so it never sees its own row', async () => {
    const { guard, entries } = recordingGuard();
    const outcome = await guard.readAuditTrail({ staff: person('admin'), intent: 'audit_query' }, async () => entries.length);
    expect(outcome).toEqual({ allowed: true, value: 0 });
    expect(entries).toEqual([{ actorId: 'X01', action: 'read', kind: 'audit', intent: 'audit_query', result: 'allowed' }]);
  });

  it('fails closed: no audit row, no answer', async () => {
    const guard = new AccessGuard({ record: async () => Promise.reject(new Error('db down')), recordMany: async () => Promise.reject(new Error('db down')) });
    await expect(guard.readAuditTrail({ staff: person('admin'), intent: 'audit_query' }, async () => 'trail')).rejects.toThrow('db down');
  });
});
