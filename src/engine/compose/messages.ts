// Fixed replies of the offline engine, Japanese first and English equally.
import type { Language } from '../../domain/school.ts';

export interface CandidateLine {
  index: number;
  name: string;
  classId: string;
}

export const messages = {
  help: {
    ja: [
      '寄り添い（Yorisoi）は、登校に困難を抱える生徒を支える先生のためのアシスタントです。',
      '聞けること:',
      '・「鈴木結衣さんの様子は？」— 今年度の出席と見立て（段階・傾向・パターン）、最近の記録、進行中の支援計画',
      '・「鈴木さんにどんな支援ができる？」— 記録にもとづく支援の提案と、今週の一歩',
      '・「今週気になる生徒は？」— 対応が必要な生徒を優先度の高い順に',
      '・名字や名前だけ、かなやローマ字でも大丈夫です',
      '・（管理職）「今月、鈴木さんの記録を見たのは誰？」— アクセス記録。「鈴木結衣さんの記録を書き出して」「…を削除して」— 開示・削除',
      '・「help」または「使い方」でこの説明を表示します',
      '担当する生徒の記録だけをお答えします。',
    ].join('\n'),
    en: [
      'Yorisoi helps staff who support students struggling to attend school.',
      'You can ask:',
      '- "How is Yui Suzuki?" - attendance this school year with tier, trend and patterns, recent observations, open plans',
      '- "What support could we try for Yui?" - suggestions grounded in the records, with a first step for this week',
      '- "Who needs attention?" - your students who need attention now, most pressing first',
      '- a family or given name alone works too, in kanji, kana or romaji',
      '- (administrators) "Who looked at Yui\'s records this month?" - the access log; "export / delete Yui Suzuki\'s records" - records rights',
      '- "help" shows this message',
      'I only answer about students you are responsible for.',
    ].join('\n'),
  },
  notFound: {
    ja: 'その生徒についてはお答えできません。担当している生徒の中に該当する名前が見つかりませんでした。名前の表記を確かめるか、フルネームで聞いてください。',
    en: "I can't share that. No student you are responsible for matches that name; check the spelling or try the full name.",
  },
  unknown: {
    ja: 'すみません、うまく理解できませんでした。「鈴木さんの様子は？」のように生徒の名前で聞いてください。「help」で使い方を表示します。',
    en: 'Sorry, I did not understand. Ask about a student by name, e.g. "How is Yui?". Type "help" to see what I can do.',
  },
  choiceOutOfRange: {
    ja: '番号が一覧にありません。もう一度、一覧の番号かフルネームで答えてください。',
    en: 'That number is not in the list. Reply with a number from the list or the full name.',
  },
  digestSubscription: {
    on: {
      ja: '週のまとめを毎週お送りします（金曜の午後）。止めるときは「週報 オフ」と送ってください。',
      en: 'You will get your weekly digest every week (Friday afternoon). Send "digest off" to stop it.',
    },
    off: {
      ja: '週のまとめの配信を止めました。「今週のまとめ」と聞けばいつでも見られます。再開は「週報 オン」です。',
      en: 'Your weekly digest is off. Ask "weekly digest" any time to see it; send "digest on" to get it again.',
    },
  },
  unregistered: {
    ja: 'まだ寄り添いに登録されていないため、お答えできません。学校の管理者に、職員名簿（staff.csv）へのあなたのアカウントの登録を依頼してください。',
    en: 'You are not registered with Yorisoi yet, so I cannot answer. Ask your school administrator to add your account to the staff list (staff.csv).',
  },
  unavailable: {
    ja: '一時的に利用できません。少し待ってからもう一度お試しください。記録は失われていません。',
    en: 'Yorisoi is temporarily unavailable. Please try again in a moment; nothing has been lost.',
  },
  ambiguous(language: Language, candidates: CandidateLine[]): string {
    const lines = candidates.map((c) => `  ${c.index}. ${c.name}（${c.classId}）`);
    return language === 'ja'
      ? ['どの生徒のことですか？番号かフルネームで答えてください。', ...lines].join('\n')
      : ['Which student do you mean? Reply with the number or the full name.', ...lines.map((l) => l.replace('（', ' (').replace('）', ')'))].join('\n');
  },
} as const;
