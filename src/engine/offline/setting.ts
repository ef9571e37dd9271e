// Where an observation happened. When a message names several places, the one that says most
// about the student's day wins: a home visit, then the nurse's office or separate room (steps on
// the attendance ladder, DOMAIN.md), online, a phone call, a counseling session, the classroom.
import type { Setting } from '../intent.ts';
import { anyOf } from './text.ts';

export const SETTING_VOCABULARY: readonly [Exclude<Setting, 'other'> | 'other', RegExp][] = [
  [
    'home_visit',
    anyOf([
      '家庭訪問',
      '(?:家|自宅|家庭)(?:を|に|へ)(?:訪問|訪ね|伺)',
      '自宅訪問',
      '訪問(?:した|しました|時|の際)',
      'home ?visits?',
      'visited (?:him|her|them|the family|the student)? ?at home',
      'visited (?:his|her|their|the) (?:home|house|family)',
      'house call',
      'went (?:round )?to (?:his|her|their) (?:home|house)',
    ]),
  ],
  [
    'nurse_office',
    anyOf(['保健室', '来室', '養護教諭の(?:ところ|所)', 'nurse\'?s\'? (?:office|room)', 'nurse office', 'sick ?bay', 'infirmary', 'health (?:room|office)', '(?:came|went|sent) to the nurse\\b']),
  ],
  [
    'separate_room',
    anyOf(['別室', '相談室登校', 'ステップルーム', 'サポートルーム', '校内(?:教育)?支援(?:センター|教室|ルーム)', 'separate room', 'support room', 'quiet room', 'resource room', 'learning support (?:room|base)', 'inclusion room']),
  ],
  ['online', anyOf(['オンライン(?!ゲーム)', 'リモート', '\\bzoom\\b', '(?:on|via|in|through) (?:microsoft )?teams\\b', 'google meet', 'ビデオ通話', 'タブレット(?:で|から)(?:参加|授業)', '\\bonline\\b(?! gam)', 'remotely', 'video call', 'from home via'])],
  [
    'phone',
    anyOf([
      '電話',
      '(?:母|父|保護者|家庭|家|祖母|祖父)[^。]{0,4}(?:から|に|へ)(?:連絡|TEL)',
      '\\bphone(?:d| call| conversation)',
      '\\b(?:on|by|over) the phone\\b',
      '\\bby phone\\b',
      'telephone',
      'phoned',
      '\\brang\\b',
      '\\bcalled (?:his|her|their|the) (?:mother|mum|mom|father|dad|parents?|family|home|guardian|grandmother|grandfather)',
      '\\b(?:a |the )?call (?:from|with) (?:his|her|their|the) (?:mother|mum|mom|father|dad|parents?|family|guardian)',
    ]),
  ],
  [
    'counseling',
    anyOf(['面談', 'カウンセリング', '相談室', '(?:SC|カウンセラー)(?:と|との)(?:相談|面接)', '面接', '個別に話', 'counsel+ing', 'session with', '(?:counsel+ing|one-to-one|1:1|1-on-1|one on one) session', '\\bsession\\b', 'parent meeting', '\\bmet (?:with )?(?:him|her|them|his|her|the)\\b', '^met\\b', '\\bmet (?:with )?[A-Z][a-z]+(?:\'s)? (?:mother|mum|mom|father|dad|parents?)\\b']),
  ],
  [
    'classroom',
    anyOf(['教室', '授業中', 'クラスで', '朝の会', '帰りの会', 'ホームルーム', '給食', 'in class\\b', 'classroom', 'during (?:the |a )?(?:lesson|class)', '\\bhomeroom\\b']),
  ],
  [
    'other',
    anyOf(['図書室', '図書館', '校庭', 'グラウンド', '体育館', '廊下', '校門', '職員室', '適応指導教室', '教育支援センター', 'フリースクール', '\\blibrary\\b', 'playground', '\\bgym\\b', 'corridor', 'school gate', 'staff ?room', 'support cent(?:re|er)', 'free school']),
  ],
];

/** The setting a message names, or undefined. */
export function parseSetting(text: string): Setting | undefined {
  for (const [setting, pattern] of SETTING_VOCABULARY) if (pattern.test(text)) return setting;
  return undefined;
}

/** The same vocabulary with every setting's words removed (search keywords are what is left). */
export function withoutSettingWords(text: string): string {
  let out = text;
  for (const [, pattern] of SETTING_VOCABULARY) out = out.replace(new RegExp(pattern.source, 'giu'), ' ');
  return out;
}
