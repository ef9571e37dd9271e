// The support measures a school would have tried for each pattern, matched to the function
// DOMAIN.md pairs it with (a predictable morning check-in for F1, test accommodations and small
// steps for F2, a clear routine agreed with parents for F3, a sleep and phone contract with the
// family for F4), with tiers by severity (Tier 3 for futoko-level absence and safeguarding) and
// the outcomes a review would record.
import type { AttendanceRow } from './attendance.ts';
import type { Profile, SafeguardingKind } from './profiles.ts';

export type Owner = 'homeroom' | 'counselor' | 'nurse';

export interface PlanDraft {
  tier: 2 | 3;
  owner: Owner;
  goal: string;
  strategy: string;
  /** Where in the elapsed year (0..1) it started, and where a finished plan was closed. */
  start: number;
  close?: { at: number; status: 'completed' | 'stopped'; outcome: string };
  /** Outcome recorded so far while the plan is running. */
  soFar: string;
  actions?: ActionDraft;
}

export interface ActionDraft {
  /** Which attendance days an action was taken on (e.g. each first school day of the week). */
  on: 'week_start' | 'weekly' | 'fortnightly';
  description: string;
  outcome: (row: AttendanceRow) => string;
  /** Fills the owner's role by default; the homeroom teacher does the morning calls. */
  actor?: Owner;
}

const attended = (r: AttendanceRow) => r.status !== 'absent';

export function planDrafts(p: Profile): PlanDraft[] {
  const o = p.onset;
  switch (p.kind) {
    case 'monday_avoidance':
      return [{
        tier: 2, owner: 'homeroom', start: o + 0.12, goal: '月曜日も登校できる日を増やす', strategy: '月曜朝に担任が短いチェックインをする', soFar: '変化なし',
        actions: { on: 'week_start', description: '月曜朝のチェックイン（電話）', outcome: (r) => (r.status === 'absent' ? '欠席。母親と話し、翌日の登校を確認' : r.status === 'late' ? '遅れて登校' : '登校できた') },
      }];
    case 'test_avoidance':
      return [{ tier: 2, owner: 'homeroom', start: 0.3, goal: 'テストの日も登校できる', strategy: '別室受験の選択肢を示し、前日に当日の流れを伝える', soFar: '一部改善: 別室受験を選べることで安心した様子' }];
    case 'nurse_office':
      return [{
        tier: 2, owner: 'nurse', start: o + 0.1, goal: '保健室から教室へ段階的に戻る', strategy: '保健室登校を受け入れつつ、好きな授業から1時間ずつ教室に参加する', soFar: '保健室登校は安定、教室復帰は未達',
        actions: { on: 'weekly', description: '保健室での振り返り面談', outcome: (r) => (r.status === 'nurse_office' ? '保健室で過ごした。体調の記録を一緒に確認' : attended(r) ? '教室で過ごせた' : '欠席') },
      }];
    case 'separate_room':
      return [{
        tier: 2, owner: 'counselor', start: 0.05, goal: '別室で安心して過ごす', strategy: '別室登校と支援員による学習支援', soFar: '安定して別室に登校',
        actions: { on: 'fortnightly', description: '別室での面談', outcome: (r) => (r.status === 'separate_room' ? '落ち着いて話せた' : r.status === 'absent' ? '欠席のため延期' : '教室にも少し参加') },
      }];
    case 'night_lateness':
      return [
        { tier: 2, owner: 'homeroom', start: 0.15, close: { at: 0.4, status: 'stopped', outcome: '一時改善したが、夏休み明けに元に戻った' }, goal: '1限に間に合う日を週3日にする', strategy: '家庭と睡眠ルールを約束する（22時以降はスマホを居間で充電）', soFar: '一時改善' },
        { tier: 2, owner: 'counselor', start: 0.55, goal: '睡眠リズムを整える', strategy: '睡眠記録をつけ、SCと週1回振り返る', soFar: '記録は続いている。就寝は0時台に' },
      ];
    case 'early_leave':
      return [{
        tier: 2, owner: 'homeroom', start: o + 0.08, goal: '早退を週1回以下にする', strategy: '保護者と迎えのルールを決め、昼休みに担任が短いチェックインをする', soFar: '早退は週2回から週1回程度に',
        actions: { on: 'weekly', description: '昼休みのチェックイン', outcome: (r) => (r.status === 'early_leave' ? '午後に早退（母親迎え）' : attended(r) ? '最後まで過ごせた' : '欠席') },
      }];
    case 'futoko':
      return [
        { tier: 2, owner: 'homeroom', start: o + 0.04, close: { at: o + 0.16, status: 'stopped', outcome: '変化なし: 欠席が続いたためTier 3へ' }, goal: '登校を再開する', strategy: '毎朝の電話連絡と、登校できた日の声かけ', soFar: '変化なし' },
        {
          tier: 3, owner: p.variant === 'games' ? 'homeroom' : 'counselor', start: o + 0.17, goal: '担任・SCとの接点を保つ',
          strategy: p.variant === 'games' ? '週1回の家庭訪問と保護者面談' : 'SCによる保護者面談と、医療機関・SSWとの連携',
          soFar: p.variant === 'games' ? '本人との対面は未達' : '手紙のやりとりが続いている',
          actions: { on: 'weekly', description: p.variant === 'games' ? '家庭訪問' : '保護者面談', outcome: (r) => (r.status === 'online' ? 'オンラインで少し話せた' : '本人とは会えず、母親と話した') },
        },
      ];
    case 'improving': {
      const [home, online, separate] = p.phases;
      return [
        { tier: 3, owner: 'homeroom', start: 0.03, close: { at: home + 0.02, status: 'completed', outcome: '改善: オンラインで授業に参加できるようになった' }, goal: 'オンラインで授業に参加する', strategy: '週1回の家庭訪問と、オンライン参加の環境づくり', soFar: '家庭訪問は継続' },
        { tier: 2, owner: 'counselor', start: online - 0.03, close: { at: separate + 0.03, status: 'completed', outcome: '改善: 別室から教室で過ごす日が増えた' }, goal: '週3日は別室に登校する', strategy: '別室登校と、美術の授業への段階的な参加', soFar: '別室登校が週3日に' },
        {
          tier: 2, owner: 'homeroom', start: separate + 0.04, goal: '教室で過ごす日を週4日にする', strategy: '朝の短い声かけと、安心できる友達と同じ班にする配慮', soFar: '改善: 教室で過ごす日が増えた',
          actions: { on: 'weekly', description: '朝の声かけ', outcome: (r) => (r.status === 'present' ? '教室で一日過ごせた' : r.status === 'separate_room' ? '別室から一部の授業に参加' : '欠席') },
        },
      ];
    }
    case 'worsening':
      return [{ tier: 2, owner: 'counselor', start: 0.97, goal: '欠席の背景を把握し、安心できる居場所をつくる', strategy: 'SCとの面談と、担任の毎日の声かけ', soFar: '' }];
    case 'online':
      return [{ tier: 2, owner: 'homeroom', start: o + 0.1, goal: '登校日を週3日以上に保つ', strategy: 'オンライン参加を認めつつ、美術・音楽のある日の登校を後押しする', soFar: '週3〜4日は登校できている' }];
    case 'regular':
      return [];
  }
}

export function safeguardingPlan(kind: SafeguardingKind): Omit<PlanDraft, 'start'> {
  return kind === 'disappear'
    ? {
        tier: 3, owner: 'counselor', goal: '安全を確保し、見守りの体制をつくる', strategy: 'SCの週1回面談、管理職と情報共有、保護者との連絡', soFar: '',
        actions: { on: 'weekly', description: 'SC面談', outcome: () => '面談を実施。気持ちの変化を確認' },
      }
    : { tier: 3, owner: 'counselor', goal: '安全を確保する', strategy: '管理職と共有し、関係機関に相談。担任と養護教諭が毎日様子を確認', soFar: '' };
}
