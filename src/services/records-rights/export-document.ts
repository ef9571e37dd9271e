// The export as a document a person can read (Markdown): Japanese section headings, or English for
// an admin who prefers English. Every value of the JSON export is in it; codes are shown as words.
import type { Language } from '../../domain/school.ts';
import type { StaffRef, StudentExport } from './export-types.ts';

type Words = Record<string, string>;

const T = {
  ja: {
    title: '保有個人データの開示', made: '作成', by: '作成者', intro: 'この文書は、学校がこの生徒について保有している記録をすべて記載したものです。',
    none: '記録はありません。', profile: '基本情報', classSection: '学級・担任', attendance: '出欠', bigFive: 'ビッグファイブ（性格検査）', competencies: 'コンピテンシー評価',
    environment: '環境調査', observations: '観察記録', plans: '支援計画', corrections: '訂正履歴', audit: 'アクセス記録（監査ログ）', memory: '会話の記憶（ボット）',
    count: (n: number) => `（${n}件）`, days: (n: number) => `（${n}日）`,
    item: '項目', value: '内容', studentNo: '生徒番号', name: '氏名', kana: 'ふりがな', grade: '学年', klass: '学級', homeroom: '担任', enrolled: '入学日', left: '転出・卒業日',
    created: '登録日時', updated: '更新日時', classLine: (id: string, grade: number) => `学級 ${id}（${grade}年）`, homeroomTeachers: '学級担任',
    date: '日付', status: '状況', periods: '出席時限', note: 'メモ', summary: '内訳', assessedOn: '実施日', instrument: '検査',
    big5: ['開放性', '誠実性', '外向性', '協調性', '神経症傾向'], competency: '項目', score: '点数', rater: '評価者', factor: '項目',
    categories: '分類', visibility: '公開範囲', concern: '懸念', source: '記録元', version: '版', setting: '場面', mood: '様子', importKey: '取込キー', revisions: '以前の版',
    revision: (v: number, at: string, by: string, reason: string | null) => `第${v}版（${at}、${by}が訂正${reason ? `。理由: ${reason}` : ''}）`,
    started: '開始', tier: '段階', goal: '目標', strategy: '方法', owner: '担当', review: '見直し日', outcome: '結果', actions: '実施記録', actor: '実施者', description: '内容',
    at: '日時', kind: '種類', record: '対象', field: '項目', before: '訂正前', after: '訂正後', reason: '理由', correctedBy: '訂正者',
    staff: '職員', action: '操作', intent: '目的', result: '結果', key: '会話', expires: '期限',
    unknownStaff: '（記録なし）', empty: '—',
  },
  en: {
    title: 'Personal data held', made: 'Made', by: 'By', intro: 'This document lists every record the school holds about this student.',
    none: 'None.', profile: 'Profile', classSection: 'Class and homeroom', attendance: 'Attendance', bigFive: 'Big Five personality results', competencies: 'Competency ratings',
    environment: 'Environment surveys', observations: 'Observations', plans: 'Support plans', corrections: 'Corrections', audit: 'Access log (audit)', memory: 'Conversation memory (bot)',
    count: (n: number) => ` (${n})`, days: (n: number) => ` (${n} days)`,
    item: 'Item', value: 'Value', studentNo: 'Student number', name: 'Name', kana: 'Kana', grade: 'Grade', klass: 'Class', homeroom: 'Homeroom teacher', enrolled: 'Enrolled on', left: 'Left on',
    created: 'Created', updated: 'Updated', classLine: (id: string, grade: number) => `Class ${id} (grade ${grade})`, homeroomTeachers: 'Homeroom teachers',
    date: 'Date', status: 'Status', periods: 'Periods attended', note: 'Note', summary: 'Summary', assessedOn: 'Assessed on', instrument: 'Instrument',
    big5: ['Openness', 'Conscientiousness', 'Extraversion', 'Agreeableness', 'Neuroticism'], competency: 'Competency', score: 'Score', rater: 'Rater', factor: 'Factor',
    categories: 'Categories', visibility: 'Visibility', concern: 'Concern', source: 'Source', version: 'Version', setting: 'Setting', mood: 'Mood', importKey: 'Import key', revisions: 'Earlier versions',
    revision: (v: number, at: string, by: string, reason: string | null) => `Version ${v} (corrected ${at} by ${by}${reason ? `; reason: ${reason}` : ''})`,
    started: 'Started', tier: 'Tier', goal: 'Goal', strategy: 'Strategy', owner: 'Owner', review: 'Review on', outcome: 'Outcome', actions: 'Actions', actor: 'By', description: 'What was done',
    at: 'When', kind: 'Kind', record: 'Record', field: 'Field', before: 'Before', after: 'After', reason: 'Reason', correctedBy: 'Corrected by',
    staff: 'Staff', action: 'Action', intent: 'Intent', result: 'Result', key: 'Conversation', expires: 'Expires',
    unknownStaff: '(not on record)', empty: '—',
  },
};

const CODES: Record<Language, Words> = {
  ja: {
    present: '出席', absent: '欠席', late: '遅刻', early_leave: '早退', nurse_office: '保健室登校', separate_room: '別室登校', online: 'オンライン',
    team: 'チーム', confidential: '機密', none: 'なし', urgent: '緊急', chat: 'チャット', import: '取込', active: '実施中', completed: '終了', stopped: '中止',
    self: '本人', peer: '友人', teacher: '教員', allowed: '許可', denied: '拒否', read: '閲覧', write: '記録・変更', search: '検索', delete: '削除',
    profile: '基本情報', attendance: '出欠', observation: '観察記録', assessment: '検査', support_plan: '支援計画', student: '生徒',
    family_support: '家庭の支え', peer_relations: '友人関係', psychological_safety: '心理的安全性', teacher_relationship: '教員との関係', sleep_regularity: '睡眠の規則性', qu_group: 'Q-U群',
    health: '健康', emotional: '情緒', academic: '学習', family: '家庭', positive: '前向き', safeguarding: '安全配慮',
  },
  en: {
    early_leave: 'early leave', nurse_office: "nurse's office", separate_room: 'separate room', support_plan: 'support plan',
    family_support: 'family support', peer_relations: 'peer relations', psychological_safety: 'psychological safety', teacher_relationship: 'teacher relationship',
    sleep_regularity: 'sleep regularity', qu_group: 'Q-U group',
  },
};

const SCHOOL_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as school-local time, YYYY-MM-DD HH:MM. */
const local = (isoInstant: string) => SCHOOL_TIME.format(new Date(isoInstant));

/** One table cell: no line breaks, no column separators. */
const cell = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : String(value).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|'));

function table(head: string[], rows: unknown[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/** Text quoted as written: every line of it marked, so nothing in it reads as a heading or list. */
const quote = (text: string) => text.split(/\r?\n/).map((line) => `> ${line}`).join('\n');

export function renderStudentExport(e: StudentExport, language: Language): string {
  const t = T[language];
  // A merged audit row lists several kinds, comma-separated.
  const code = (c: string) => c.split(',').map((part) => CODES[language][part] ?? part).join(', ');
  const paren = (inner: string) => (language === 'en' ? ` (${inner})` : `（${inner}）`);
  const who = (s: StaffRef | null) => (s ? `${s.name ?? t.unknownStaff}${paren(s.staffId)}` : t.empty);
  const heading = (title: string, n: number, unit = t.count) => `## ${title}${unit(n)}`;
  const section = (title: string, items: readonly unknown[], body: () => string, unit = t.count) => [heading(title, items.length, unit), items.length ? body() : t.none].join('\n\n');
  const s = e.student;

  const profile = [
    `## ${t.profile}`,
    table([t.item, t.value], [
      [t.studentNo, s.studentNo],
      [t.name, `${s.familyName} ${s.givenName}`],
      [t.kana, `${s.familyNameKana} ${s.givenNameKana}`.trim()],
      [t.grade, s.grade],
      [t.klass, s.classId],
      [t.homeroom, who(e.homeroom)],
      [t.enrolled, s.enrolledOn],
      [t.left, s.leftOn],
      [t.created, local(s.createdAt)],
      [t.updated, local(s.updatedAt)],
    ]),
  ].join('\n\n');

  const klass = [`## ${t.classSection}`, e.class ? `${t.classLine(e.class.id, e.class.grade)}\n\n${t.homeroomTeachers}: ${e.class.homeroomTeachers.map(who).join(', ') || t.empty}` : t.none].join('\n\n');

  const tally = new Map<string, number>();
  for (const a of e.attendance) tally.set(a.status, (tally.get(a.status) ?? 0) + 1);
  const attendance = section(t.attendance, e.attendance, () =>
    [`${t.summary}: ${[...tally].map(([status, n]) => `${code(status)} ${n}`).join(language === 'ja' ? '、' : ', ')}`, table([t.date, t.status, t.periods, t.note], e.attendance.map((a) => [a.date, code(a.status), a.periodsAttended, a.note]))].join('\n\n'),
    t.days,
  );

  const bigFive = section(t.bigFive, e.bigFive, () =>
    table([t.assessedOn, t.instrument, ...t.big5], e.bigFive.map((b) => [b.assessedOn, b.instrument, b.openness, b.conscientiousness, b.extraversion, b.agreeableness, b.neuroticism])),
  );
  const competencies = section(t.competencies, e.competencies, () => table([t.assessedOn, t.competency, t.score, t.rater], e.competencies.map((c) => [c.assessedOn, c.competency, c.score, code(c.rater)])));
  const environment = section(t.environment, e.environment, () => table([t.assessedOn, t.factor, t.value, t.note], e.environment.map((f) => [f.assessedOn, code(f.factor), code(f.value), f.note])));

  const observations = section(t.observations, e.observations, () =>
    e.observations
      .map((o) => {
        const facts = [
          `${t.categories}: ${o.categories.map(code).join(', ') || t.empty}`,
          `${t.visibility}: ${code(o.visibility)}`,
          `${t.concern}: ${code(o.concern)}`,
          `${t.source}: ${code(o.source)}`,
          `${t.version}: ${o.version}`,
          ...(o.setting ? [`${t.setting}: ${o.setting}`] : []),
          ...(o.mood ? [`${t.mood}: ${o.mood}`] : []),
          ...(o.importKey ? [`${t.importKey}: ${o.importKey}`] : []),
          `${t.created}: ${local(o.createdAt)} / ${t.updated}: ${local(o.updatedAt)}`,
          `id: ${o.id}`,
        ];
        const revisions = o.revisions.map((v) =>
          [`#### ${t.revision(v.version, local(v.replacedAt), who(v.replacedBy), v.reason)}`, quote(v.text), `${t.categories}: ${v.categories.map(code).join(', ') || t.empty} / ${t.visibility}: ${code(v.visibility)} / ${t.concern}: ${code(v.concern)}`].join('\n\n'),
        );
        return [`### ${local(o.observedAt)} ${who(o.author)}`, quote(o.text), facts.map((f) => `- ${f}`).join('\n'), ...(revisions.length ? [`**${t.revisions}**`, ...revisions] : [])].join('\n\n');
      })
      .join('\n\n'),
  );

  const plans = section(t.plans, e.supportPlans, () =>
    e.supportPlans
      .map((p) =>
        [
          `### ${p.startedOn} ${t.started}: ${p.goal}`,
          [
            `${t.tier}: ${p.tier}`, `${t.status}: ${code(p.status)}`, `${t.goal}: ${p.goal}`, `${t.strategy}: ${p.strategy}`, `${t.owner}: ${who(p.owner)}`,
            `${t.review}: ${p.reviewOn}`, `${t.outcome}: ${p.outcome || t.empty}`, `${t.created}: ${local(p.createdAt)} / ${t.updated}: ${local(p.updatedAt)}`, `id: ${p.id}`,
          ].map((f) => `- ${f}`).join('\n'),
          ...(p.actions.length ? [`**${t.actions}**`, table([t.date, t.actor, t.description, t.outcome], p.actions.map((a) => [a.actedOn, who(a.actor), a.description, a.outcome]))] : []),
        ].join('\n\n'),
      )
      .join('\n\n'),
  );

  const corrections = section(t.corrections, e.corrections, () =>
    table([t.at, t.kind, t.record, t.field, t.before, t.after, t.reason, t.correctedBy], e.corrections.map((c) => [local(c.correctedAt), code(c.kind), c.recordKey, c.field, c.before, c.after, c.reason, who(c.correctedBy)])),
  );
  const audit = section(t.audit, e.auditEvents, () =>
    table([t.at, t.staff, t.action, t.kind, t.intent, t.result, t.reason], e.auditEvents.map((a) => [local(a.at), a.actorId, code(a.action), code(a.kind), a.intent, code(a.result), a.reason])),
  );
  const memory = section(t.memory, e.conversationMemory, () =>
    e.conversationMemory
      .map((m) => [`### ${t.key}: ${m.key}`, `- ${t.staff}: ${m.staffId}\n- ${t.updated}: ${local(m.updatedAt)}\n- ${t.expires}: ${local(m.expiresAt)}`, '```json', JSON.stringify(m.state, null, 2), '```'].join('\n'))
      .join('\n\n'),
  );

  const title = `# ${t.title}: ${s.familyName} ${s.givenName}${paren(s.studentNo)}`;
  const meta = `${t.made}: ${local(e.exportedAt)} / ${t.by}: ${e.exportedBy}\n\n${t.intro}`;
  return `${[title, meta, profile, klass, attendance, bigFive, competencies, environment, observations, plans, corrections, audit, memory].join('\n\n')}\n`;
}
