import { describe, expect, it } from 'vitest';
import { AccessDeniedError, AccessGuard } from '../../../src/access/guard.ts';
import type { AuditEntry } from '../../../src/access/audit.ts';
import type { StaffMember } from '../../../src/access/policy.ts';

const teacher: StaffMember = {
  id: 'T04',
  role: 'homeroom_teacher',
  familyName: '林',
  givenName: '翔',
  preferredLanguage: 'ja',
  homeroomClassIds: ['3-1'],
  taughtClassIds: [],
};

function recordingGuard() {
  const entries: AuditEntry[] = [];
  return { entries, guard: new AccessGuard({ record: async (e) => void entries.push(e), recordMany: async (es) => void entries.push(...es) }) };
}

describe('access guard', () => {
  it('audits an allowed read: actor, student, action, kind, intent, result', async () => {
    const { guard, entries } = recordingGuard();
    await guard.require({ staff: teacher, action: 'read', student: { id: 'S100', classId: '3-1' }, kind: 'attendance', intent: 'ask_about_student' });
    expect(entries).toEqual([
      { actorId: 'T04', studentId: 'S100', action: 'read', kind: 'attendance', intent: 'ask_about_student', result: 'allowed', reason: undefined },
    ]);
  });

  it('audits a denial, then throws', async () => {
    const { guard, entries } = recordingGuard();
    await expect(
      guard.require({ staff: teacher, action: 'read', student: { id: 'S002', classId: '2-1' }, kind: 'profile', intent: 'ask_about_student' }),
    ).rejects.toBeInstanceOf(AccessDeniedError);
    expect(entries).toEqual([
      expect.objectContaining({ actorId: 'T04', studentId: 'S002', result: 'denied', reason: 'not_in_scope' }),
    ]);
  });

  it('fails closed: if the audit cannot be written, nothing is allowed', async () => {
    const guard = new AccessGuard({ record: async () => Promise.reject(new Error('db down')), recordMany: async () => Promise.reject(new Error('db down')) });
    await expect(
      guard.check({ staff: teacher, action: 'read', student: { id: 'S100', classId: '3-1' }, kind: 'attendance', intent: 'x' }),
    ).rejects.toThrow('db down');
  });
});

describe('access guard over a list', () => {
  it('decides each request and audits them all in one write', async () => {
    const { guard, entries } = recordingGuard();
    const decisions = await guard.checkMany([
      { staff: teacher, action: 'read', student: { id: 'S100', classId: '3-1' }, kind: 'attendance', intent: 'list_attention' },
      { staff: teacher, action: 'read', student: { id: 'S002', classId: '2-1' }, kind: 'attendance', intent: 'list_attention' },
    ]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, false]);
    expect(entries.map((e) => [e.studentId, e.result])).toEqual([
      ['S100', 'allowed'],
      ['S002', 'denied'],
    ]);
  });
});
