// Renders the audit trail (services/audit-query.ts) for admins: who accessed a student's records,
// or what one staff member accessed, with a short summary (who, how many times, when last) and the
// accesses newest first. Times are Asia/Tokyo. The answer is about students' records, so it is
// restricted (never posted where others read). It carries no facts on purpose: the LLM engine
// rephrases only replies with facts, and counts and times are shown exactly as stored.
import type { Reply } from '../../chat/types.ts';
import { SCHOOL_TIME_ZONE } from '../../domain/dates.ts';
import type { Language } from '../../domain/school.ts';
import type { AuditAccess, AuditStaff, AuditSummaryRow, AuditTrail, AuditTrailResult } from '../../services/audit-query.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import { bullet, studentDisplayName } from './format.ts';

/** Accesses listed in a chat reply; the CLI lists them all. */
export const ACCESSES_SHOWN = 10;

const schoolClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: SCHOOL_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function clockParts(at: Date): Record<string, string> {
  return Object.fromEntries(schoolClock.formatToParts(at).map((p) => [p.type, p.value]));
}

/** 'YYYY-MM-DD HH:MM' in the school's time zone. */
export function schoolTimeLabel(at: Date): string {
  const p = clockParts(at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** ISO 8601 with the school's offset: 2026-11-20T17:00:00+09:00 (Japan has no daylight saving). */
export function schoolTimeIso(at: Date): string {
  const p = clockParts(at);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+09:00`;
}

const KIND_LABEL: Record<string, Record<Language, string>> = {
  profile: { ja: '基本情報', en: 'profile' },
  attendance: { ja: '出欠', en: 'attendance' },
  observation: { ja: '観察記録', en: 'observations' },
  assessment: { ja: '検査結果', en: 'assessments' },
  environment: { ja: '環境調査', en: 'environment survey' },
  support_plan: { ja: '支援計画', en: 'support plans' },
  audit: { ja: 'アクセス記録', en: 'access log' },
  school_export: { ja: '学校データ', en: 'school export' },
};

const INTENT_LABEL: Record<string, Record<Language, string>> = {
  ask_about_student: { ja: '様子の確認', en: 'overview' },
  suggest_support: { ja: '支援の提案', en: 'support ideas' },
  search_history: { ja: '記録の検索', en: 'record search' },
  list_attention: { ja: '要注意リスト', en: 'attention list' },
  weekly_digest: { ja: '週のまとめ', en: 'weekly digest' },
  digest_preview: { ja: '週のまとめ', en: 'weekly digest' },
  log_observation: { ja: '記録の作成', en: 'new note' },
  record_support_action: { ja: '支援の記録', en: 'support step' },
  undo_observation: { ja: '記録の取り消し', en: 'undo' },
  safeguarding_alert: { ja: '安全確認の通知', en: 'safeguarding alert' },
  audit_query: { ja: 'アクセス記録の確認', en: 'access log' },
  analyze: { ja: '分析（CLI）', en: 'analysis (CLI)' },
  import: { ja: '取り込み', en: 'import' },
};

const ROLE_LABEL: Record<string, Record<Language, string>> = {
  homeroom_teacher: { ja: '担任', en: 'homeroom teacher' },
  subject_teacher: { ja: '教科担任', en: 'subject teacher' },
  counselor: { ja: 'SC', en: 'counselor' },
  nurse: { ja: '養護教諭', en: 'nurse' },
  admin: { ja: '管理職', en: 'administrator' },
};

const ACTION_LABEL: Record<string, Record<Language, string>> = {
  read: { ja: '閲覧', en: 'read' },
  write: { ja: '書き込み', en: 'write' },
  search: { ja: '検索', en: 'search' },
};

export const kindLabel = (kind: string, language: Language): string => KIND_LABEL[kind]?.[language] ?? kind;
export const intentLabel = (intent: string, language: Language): string => INTENT_LABEL[intent]?.[language] ?? intent;
const roleLabel = (role: string, language: Language): string => ROLE_LABEL[role]?.[language] ?? role;
const actionLabel = (action: string, language: Language): string => ACTION_LABEL[action]?.[language] ?? action;

function staffName(s: AuditStaff, language: Language): string {
  return language === 'ja' ? `${s.familyName} ${s.givenName}（${s.id}・${roleLabel(s.role, 'ja')}）` : `${s.familyName} ${s.givenName} (${s.id}, ${roleLabel(s.role, 'en')})`;
}

function studentName(s: StudentIdentity, language: Language): string {
  return language === 'ja' ? `${studentDisplayName(s, 'ja')}（${s.id}・${s.classId}）` : `${studentDisplayName(s, 'en')}, ${s.id}, class ${s.classId}`;
}

function periodLabel(trail: Pick<AuditTrail, 'from' | 'to'>, language: Language): string {
  const ja = language === 'ja';
  if (trail.from && trail.to) return ja ? `${trail.from}〜${trail.to}` : `${trail.from} to ${trail.to}`;
  if (trail.from) return ja ? `${trail.from} 以降` : `since ${trail.from}`;
  if (trail.to) return ja ? `${trail.to} まで` : `until ${trail.to}`;
  return ja ? '記録のある全期間' : 'everything recorded';
}

/** The heading: whose trail, over which dates. */
export function trailTitle(trail: AuditTrail, language: Language): string {
  const ja = language === 'ja';
  const period = periodLabel(trail, language);
  if (trail.student && trail.staff) {
    return ja
      ? `${staffName(trail.staff, 'ja')}による${studentName(trail.student, 'ja')}の記録へのアクセス — ${period}`
      : `Access to the records of ${studentName(trail.student, 'en')} by ${staffName(trail.staff, 'en')} — ${period}`;
  }
  if (trail.student) return ja ? `${studentName(trail.student, 'ja')}の記録へのアクセス — ${period}` : `Who accessed the records of ${studentName(trail.student, 'en')} — ${period}`;
  return ja ? `${staffName(trail.staff!, 'ja')}がアクセスした記録 — ${period}` : `Records accessed by ${staffName(trail.staff!, 'en')} — ${period}`;
}

function count(n: number, language: Language): string {
  return language === 'ja' ? `${n}回` : `${n} ${n === 1 ? 'time' : 'times'}`;
}

/** One summary line: who (or which student), how many times, when last. */
export function summaryLine(row: AuditSummaryRow, by: AuditTrail['by'], language: Language): string {
  const ja = language === 'ja';
  const who =
    by === 'actor'
      ? row.actor
        ? staffName(row.actor, language)
        : row.actorId!
      : row.student
        ? studentName(row.student, language)
        : row.studentId ?? (ja ? '（生徒の指定なし: 検索・一覧など）' : '(no one student: searches, lists)');
  const denied = row.denied > 0 ? (ja ? `、うち拒否 ${row.denied}回` : `, ${row.denied} refused`) : '';
  const last = schoolTimeLabel(row.last);
  return ja ? `${who}: ${count(row.accesses, 'ja')}（最終 ${last}${denied}）` : `${who}: ${count(row.accesses, 'en')} (last ${last}${denied})`;
}

/** One access: when, who or about whom, through what, which kinds, what was refused. */
export function accessLine(access: AuditAccess, trail: Pick<AuditTrail, 'student' | 'staff'>, language: Language): string {
  const ja = language === 'ja';
  const parts: string[] = [schoolTimeLabel(access.at)];
  if (!trail.staff) parts.push(access.actor ? (ja ? `${access.actor.familyName} ${access.actor.givenName}（${access.actorId}）` : `${access.actor.familyName} ${access.actor.givenName} (${access.actorId})`) : access.actorId);
  if (!trail.student) parts.push(access.student ? (ja ? `${access.student.familyName} ${access.student.givenName}（${access.student.id}）` : `${studentDisplayName(access.student, 'en')} ${access.student.id}`) : (access.studentId ?? (ja ? '（生徒の指定なし）' : '(no one student)')));
  const actions = access.actions.filter((a) => a !== 'read').map((a) => actionLabel(a, language));
  const how = `${intentLabel(access.intent, language)}${actions.length ? (ja ? `（${actions.join('・')}）` : ` (${actions.join(', ')})`) : ''}`;
  const sep = ja ? '・' : ', ';
  const kinds = access.kinds.map((k) => kindLabel(k, language)).join(sep);
  const denied = access.deniedKinds.map((k) => kindLabel(k, language)).join(sep);
  const what = [kinds, denied ? (ja ? `拒否: ${denied}` : `refused: ${denied}`) : ''].filter(Boolean).join(ja ? ' ／ ' : ' / ');
  return `${parts.join(' ')} — ${how}: ${what}`;
}

export function composeAuditTrail(trail: AuditTrail, language: Language, shown = ACCESSES_SHOWN): Reply {
  const ja = language === 'ja';
  const b = bullet(language);
  const lines = [trailTitle(trail, language)];
  if (trail.accesses.length === 0) {
    lines.push(ja ? 'この期間のアクセスは記録されていません。' : 'No access was recorded in this period.');
    return { text: lines.join('\n'), language, sensitivity: 'restricted' };
  }
  const total = trail.accesses.length;
  if (trail.by === 'actor') {
    lines.push('', ja ? `■ アクセスした人（${trail.summary.length}人、計${total}回）` : `Who accessed them (${trail.summary.length} ${trail.summary.length === 1 ? 'person' : 'people'}, ${total} ${total === 1 ? 'access' : 'accesses'})`);
  } else if (!trail.student) {
    const students = trail.summary.filter((r) => r.studentId).length;
    lines.push('', ja ? `■ 生徒ごと（${students}人、計${total}回）` : `By student (${students} ${students === 1 ? 'student' : 'students'}, ${total} ${total === 1 ? 'access' : 'accesses'})`);
  }
  if (trail.by === 'actor' || !trail.student) for (const row of trail.summary) lines.push(`${b}${summaryLine(row, trail.by, language)}`);

  lines.push('', ja ? `■ アクセスの記録（新しい順、時刻は日本時間）` : 'Accesses (newest first, times in JST)');
  for (const access of trail.accesses.slice(0, shown)) lines.push(`${b}${accessLine(access, trail, language)}`);
  const more = total - Math.min(shown, total);
  const cli = `npm run cli -- audit ${trail.student ? `--student ${trail.student.id}` : `--staff ${trail.staff!.id}`}${trail.from ? ` --since ${trail.from}` : ''}${trail.to ? ` --until ${trail.to}` : ''} --as <admin_id>`;
  if (more > 0 || trail.truncated) lines.push(ja ? `（ほか ${more}${trail.truncated ? '件以上' : '件'}。すべては ${cli} で確認できます）` : `(${more}${trail.truncated ? '+' : ''} more; see them all with ${cli})`);
  return { text: lines.join('\n'), language, sensitivity: 'restricted' };
}

const REFUSED = {
  ja: 'アクセス記録（誰がどの記録を見たか）は管理職だけが確認できます。必要なときは管理職に依頼してください。',
  en: 'Only administrators can see the access log (who looked at which records). Please ask an administrator.',
};

const NO_SUBJECT = {
  ja: '誰についてのアクセス記録を確認しますか？「今月、鈴木さんの記録を見たのは誰？」「山田先生が今週見た記録」のように、生徒か先生の名前で聞いてください。',
  en: 'Whose access log do you want? Ask with a student or a staff name, e.g. "Who looked at Yui\'s records this month?" or "What did Yamada look at this week?".',
};

const STUDENT_NOT_FOUND = {
  ja: 'その名前の生徒が見つかりませんでした。フルネームで聞いてください（CLI では生徒番号でも確認できます）。',
  en: 'No student matches that name. Try the full name (the CLI also takes the student number).',
};

/** Replies for every outcome but a trail and an ambiguous student (the engine asks back which one). */
export function composeAuditOutcome(result: Exclude<AuditTrailResult, { kind: 'trail' } | { kind: 'student_ambiguous' }>, language: Language): Reply {
  const ja = language === 'ja';
  switch (result.kind) {
    case 'refused':
      return { text: REFUSED[language], language, sensitivity: 'public' };
    case 'no_subject':
      return { text: NO_SUBJECT[language], language, sensitivity: 'public' };
    case 'student_not_found':
      return { text: STUDENT_NOT_FOUND[language], language, sensitivity: 'public' };
    case 'staff_not_found': {
      const said = [...result.text].length > 40 ? `${[...result.text].slice(0, 40).join('')}…` : result.text;
      return {
        text: ja ? `「${said}」に当たる職員が見つかりませんでした。名字かフルネーム、または職員番号（T01 など）で聞いてください。` : `No staff member matches "${said}". Try the family name, the full name or the staff id (e.g. T01).`,
        language,
        sensitivity: 'public',
      };
    }
    case 'staff_ambiguous': {
      const b = bullet(language);
      const list = result.candidates.map((s) => `${b}${staffName(s, language)}`);
      return { text: [ja ? 'どの先生ですか？フルネームか職員番号で聞き直してください。' : 'Which staff member do you mean? Ask again with the full name or the staff id.', ...list].join('\n'), language, sensitivity: 'staff' };
    }
  }
}
