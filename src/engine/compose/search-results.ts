// Renders a case-history search (services/search-history.ts) as the offline engine's answer:
// a header that repeats the filters, then each note with its date, author and an excerpt,
// newest first. Every note shown is cited as a fact; nothing is invented here.
import type { Language } from '../../domain/school.ts';
import type { Fact, Reply } from '../../chat/types.ts';
import type { SearchFilters, SearchHistoryResult, SearchHit, SearchSetting, AuthorRole } from '../../services/search-history.ts';
import type { StudentIdentity } from '../../services/resolve-student.ts';
import { bullet, studentDisplayName } from './format.ts';
import { messages } from './messages.ts';

/** Notes listed in one reply; the rest are counted. */
export const SHOWN = 10;

const SETTING_LABEL: Record<SearchSetting, { ja: string; en: string }> = {
  classroom: { ja: '教室', en: 'in class' },
  nurse_office: { ja: '保健室', en: "nurse's office" },
  separate_room: { ja: '別室', en: 'separate room' },
  home_visit: { ja: '家庭訪問', en: 'home visits' },
  phone: { ja: '電話', en: 'phone calls' },
  online: { ja: 'オンライン', en: 'online' },
  counseling: { ja: '面談', en: 'counseling' },
  other: { ja: 'その他', en: 'other settings' },
};

const ROLE_LABEL: Record<AuthorRole, { ja: string; en: string }> = {
  homeroom: { ja: '担任', en: 'the homeroom teacher' },
  homeroom_teacher: { ja: '担任', en: 'the homeroom teacher' },
  subject_teacher: { ja: '教科担任', en: 'subject teachers' },
  counselor: { ja: 'SC', en: 'the counselor' },
  nurse: { ja: '養護教諭', en: 'the nurse' },
  admin: { ja: '管理職', en: 'school leaders' },
};

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function periodLabel(period: { from: string; to: string }, language: Language): string {
  const [fy, fm, fd] = period.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = period.to.split('-').map(Number) as [number, number, number];
  const ja = language === 'ja';
  if (fy === ty && fm === tm && fd === 1 && td === lastDayOfMonth(ty, tm)) return ja ? `${fm}月` : MONTHS_EN[fm - 1]!;
  if (period.from === period.to) return period.from;
  return ja ? `${period.from}〜${period.to}` : `${period.from} to ${period.to}`;
}

function authorLabel(author: NonNullable<SearchFilters['author']>, language: Language): string {
  const ja = language === 'ja';
  if (author.role) return ja ? ROLE_LABEL[author.role].ja : `by ${ROLE_LABEL[author.role].en}`;
  if (author.staff.length === 0) return ja ? `「${author.text}」` : `by "${author.text}"`;
  const names = author.staff.map((s) => `${s.familyName} ${s.givenName}`).join(ja ? '・' : ', ');
  return ja ? `${names}先生` : `by ${names}`;
}

/** The filters as they are repeated in the header: 「ゲーム」、10月、SC、家庭訪問. */
function filterLabels(filters: SearchFilters, language: Language): string[] {
  const ja = language === 'ja';
  const labels = filters.keywords.map((k) => (ja ? `「${k}」` : `"${k}"`));
  if (filters.period) labels.push(periodLabel(filters.period, language));
  if (filters.author) labels.push(authorLabel(filters.author, language));
  if (filters.setting) labels.push(SETTING_LABEL[filters.setting][language]);
  return labels;
}

/** `count` carries its unit: 「3件」, "3 notes". */
function header(student: StudentIdentity | undefined, filters: SearchFilters, count: string, language: Language): string {
  const labels = filterLabels(filters, language);
  if (language === 'ja') {
    const which = labels.length > 0 ? `（${labels.join('、')}）` : '';
    return student ? `${studentDisplayName(student, 'ja')}さんの記録${which}${count}` : `記録の検索${which}${count}`;
  }
  const which = labels.length > 0 ? ` (${labels.join(', ')})` : '';
  return student ? `${count} on ${studentDisplayName(student, 'en')}${which}` : `${count} found${which}`;
}

function hitLine(hit: SearchHit, withStudent: boolean, language: Language): string {
  const ja = language === 'ja';
  const author = hit.author?.familyName ?? (ja ? '（不明）' : '(unknown)');
  const setting = hit.setting && hit.setting in SETTING_LABEL ? SETTING_LABEL[hit.setting as SearchSetting][language] : undefined;
  const where = setting ? (ja ? `［${setting}］` : ` [${setting}]`) : '';
  const who = withStudent ? (ja ? `${studentDisplayName(hit.student, 'ja')}（${hit.student.classId}） ` : `${studentDisplayName(hit.student, 'en')}, ${hit.student.classId}, `) : '';
  const urgent = hit.concern === 'urgent' ? (ja ? '【要対応】' : '[URGENT] ') : '';
  return `${bullet(language)}${hit.date} ${who}${author}${where}: ${urgent}${hit.excerpt}`;
}

export function composeSearchResults(result: SearchHistoryResult, language: Language): Reply {
  const ja = language === 'ja';
  if (result.kind === 'none') return { text: messages.notFound[language], language, sensitivity: 'restricted' };
  if (result.kind === 'ambiguous') {
    const lines = result.candidates.map((c, i) => ({ index: i + 1, name: studentDisplayName(c, language), classId: c.classId }));
    return {
      text: messages.ambiguous(language, lines),
      language,
      sensitivity: 'restricted',
      actions: result.candidates.map((c, i) => ({ type: 'choose_student', label: lines[i]!.name, studentId: c.id })),
    };
  }

  const { student, results, filters, truncated } = result;
  if (results.length === 0) {
    const lines: string[] = [];
    if (filters.author && filters.author.staff.length === 0) {
      lines.push(ja ? `「${filters.author.text}」に当たる職員が見つかりませんでした。名字か、SC・養護教諭・担任などの役割で指定してください。` : `No staff member matches "${filters.author.text}". Use a family name, or a role such as counselor, nurse or homeroom teacher.`);
    }
    const labels = filterLabels(filters, language);
    const which = labels.length > 0 ? (ja ? `（${labels.join('、')}）` : ` (${labels.join(', ')})`) : '';
    const whose = student ? (ja ? `${studentDisplayName(student, 'ja')}さんの` : ` on ${studentDisplayName(student, 'en')}`) : '';
    lines.push(
      ja
        ? `${whose}記録${which}は、閲覧できる範囲では見つかりませんでした。キーワードを短くするか、期間などの条件を外して試してください。`
        : `No notes${whose} you can see match${which}. Try a shorter keyword or fewer filters.`,
    );
    return { text: lines.join('\n'), language, sensitivity: 'restricted' };
  }

  const count = ja
    ? `${results.length}件${truncated ? '以上' : ''}`
    : `${results.length}${truncated ? '+' : ''} ${results.length === 1 && !truncated ? 'note' : 'notes'}`;
  const lines = [header(student, filters, count, language)];
  const shown = results.slice(0, SHOWN);
  for (const hit of shown) lines.push(hitLine(hit, !student, language));
  const rest = results.length - shown.length;
  if (rest > 0) {
    lines.push(
      ja
        ? `ほか ${rest}件${truncated ? '以上' : ''}（期間・書いた人・場面で絞り込めます）`
        : `and ${rest}${truncated ? '+' : ''} more (narrow it by period, author or setting)`,
    );
  } else if (truncated) {
    lines.push(ja ? 'ほかにもある可能性があります（期間・書いた人・場面で絞り込めます）' : 'there may be more (narrow it by period, author or setting)');
  }
  const facts: Fact[] = shown.map((hit) => ({ kind: 'observation', recordId: hit.id, label: hit.date }));
  return { text: lines.join('\n'), language, sensitivity: 'restricted', facts };
}
