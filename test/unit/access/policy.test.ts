import { describe, expect, it } from 'vitest';
import {
  RECORD_KINDS,
  decide,
  defaultVisibility,
  isInScope,
  mayReadObservation,
  scopeClassIds,
  type RecordKind,
  type StaffMember,
} from '../../../src/access/policy.ts';
import type { Role } from '../../../src/domain/school.ts';

function staff(role: Role, classes: { homeroom?: string[]; teaches?: string[] } = {}): StaffMember {
  return {
    id: `${role}-1`,
    role,
    familyName: 'x',
    givenName: 'y',
    preferredLanguage: 'ja',
    homeroomClassIds: classes.homeroom ?? [],
    taughtClassIds: classes.teaches ?? [],
  };
}

const ownClass = { id: 'S1', classId: '2-1' };
const otherClass = { id: 'S2', classId: '3-1' };

const homeroom = staff('homeroom_teacher', { homeroom: ['2-1'] });
const subject = staff('subject_teacher', { teaches: ['2-1'] });
const counselor = staff('counselor');
const nurse = staff('nurse');
const admin = staff('admin');

const allowed = (s: StaffMember, action: 'read' | 'write', kind: RecordKind, student = ownClass) => decide(s, action, student, kind).allowed;

describe('access policy: scope', () => {
  it('homeroom teacher: own class only', () => {
    expect(isInScope(homeroom, ownClass)).toBe(true);
    expect(isInScope(homeroom, otherClass)).toBe(false);
    expect(decide(homeroom, 'read', otherClass, 'attendance')).toEqual({ allowed: false, reason: 'not_in_scope' });
  });
  it('subject teacher: classes taught only', () => {
    expect(isInScope(subject, ownClass)).toBe(true);
    expect(isInScope(subject, otherClass)).toBe(false);
  });
  it.each([counselor, nurse, admin])('$role: the whole school', (s) => {
    expect(isInScope(s, otherClass)).toBe(true);
    expect(scopeClassIds(s)).toBe('all');
  });
  it('lists the classes in scope for class-bound roles', () => {
    expect(scopeClassIds(staff('homeroom_teacher', { homeroom: ['2-1'], teaches: ['2-2', '2-1'] }))).toEqual(['2-1', '2-2']);
  });
});

describe('access policy: kinds of record', () => {
  it.each(RECORD_KINDS)('homeroom teacher reads %s of their class', (kind) => {
    expect(allowed(homeroom, 'read', kind)).toBe(true);
  });
  it.each([
    ['profile', true],
    ['attendance', true],
    ['observation', true],
    ['support_plan', true],
    ['assessment', false],
    ['environment', false],
  ] as const)('subject teacher reads %s: %s', (kind, expected) => {
    expect(allowed(subject, 'read', kind)).toBe(expected);
  });
  it.each([
    ['profile', true],
    ['attendance', true],
    ['observation', true],
    ['support_plan', true],
    ['assessment', false],
    ['environment', false],
  ] as const)('nurse reads %s: %s', (kind, expected) => {
    expect(allowed(nurse, 'read', kind, otherClass)).toBe(expected);
  });
  it.each(RECORD_KINDS)('counselor and admin read %s anywhere', (kind) => {
    expect(allowed(counselor, 'read', kind, otherClass)).toBe(true);
    expect(allowed(admin, 'read', kind, otherClass)).toBe(true);
  });
  it('a homeroom teacher is a subject teacher in the classes they only teach', () => {
    const both = staff('homeroom_teacher', { homeroom: ['2-1'], teaches: ['3-1'] });
    expect(allowed(both, 'read', 'assessment', ownClass)).toBe(true);
    expect(allowed(both, 'read', 'assessment', otherClass)).toBe(false);
    expect(allowed(both, 'read', 'attendance', otherClass)).toBe(true);
  });
  it('denial names the reason', () => {
    expect(decide(subject, 'read', ownClass, 'assessment')).toEqual({ allowed: false, reason: 'kind_not_permitted' });
  });
});

describe('access policy: writes', () => {
  it.each([
    [homeroom, 'observation', true],
    [homeroom, 'support_plan', true],
    [homeroom, 'assessment', false],
    [subject, 'observation', true],
    [subject, 'support_plan', false],
    [subject, 'attendance', false],
    [nurse, 'observation', true],
    [nurse, 'assessment', false],
    [counselor, 'assessment', true],
    [counselor, 'profile', false],
    [admin, 'profile', true],
  ] as const)('%o writes %s: %s', (s, kind, expected) => {
    expect(allowed(s, 'write', kind)).toBe(expected);
  });
  it('nobody writes outside their scope', () => {
    expect(allowed(homeroom, 'write', 'observation', otherClass)).toBe(false);
  });
});

describe('access policy: observations', () => {
  const team = { authorId: 'other', visibility: 'team', categories: ['peer'] } as const;
  const confidential = { authorId: 'other', visibility: 'confidential', categories: ['family'] } as const;
  const health = { authorId: 'other', visibility: 'team', categories: ['health'] } as const;

  it('confidential notes: counselor and admin only', () => {
    expect(mayReadObservation(counselor, confidential)).toBe(true);
    expect(mayReadObservation(admin, confidential)).toBe(true);
    expect(mayReadObservation(homeroom, confidential)).toBe(false);
    expect(mayReadObservation(subject, confidential)).toBe(false);
    expect(mayReadObservation(nurse, { ...confidential, categories: ['health'] })).toBe(false);
  });
  it('team notes: every role in scope, the nurse only health-related ones', () => {
    expect(mayReadObservation(homeroom, team)).toBe(true);
    expect(mayReadObservation(subject, team)).toBe(true);
    expect(mayReadObservation(nurse, team)).toBe(false);
    expect(mayReadObservation(nurse, health)).toBe(true);
    expect(mayReadObservation(nurse, { ...team, categories: ['safeguarding'] })).toBe(true);
  });
  it('authors always see their own notes', () => {
    expect(mayReadObservation(homeroom, { ...confidential, authorId: homeroom.id })).toBe(true);
  });
  it("a counselor's notes are confidential by default, everyone else's team", () => {
    expect(defaultVisibility('counselor')).toBe('confidential');
    for (const role of ['homeroom_teacher', 'subject_teacher', 'nurse', 'admin'] as const) expect(defaultVisibility(role)).toBe('team');
  });
});
