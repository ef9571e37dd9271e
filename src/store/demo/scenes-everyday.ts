// Notes about students without a pattern (most of the school: sport, class duties, the odd
// forgotten homework), about students who transferred in, and the safeguarding notes that must
// surface as urgent (DOMAIN.md: safeguarding comes first) - one written about a student whose
// attendance looks fine, because that is how such a note usually arrives.
import { addDays } from '../../domain/dates.ts';
import { all, anyDay, firstDay, is, lastDay, pronouns, type Scene, type SceneContext } from './scene-tools.ts';

const P = (c: SceneContext) => pronouns(c.student);
const name = (c: SceneContext) => c.student.givenNameRomaji;

export const everydayScenes: Scene[] = [
  {
    by: 'homeroom', at: '12:50', cats: ['peer', 'positive'], mood: 'positive',
    when: anyDay(is('present')),
    text: () => ['昼休みにクラスの友達とサッカー。特に変わった様子はない。', 'Played soccer with classmates at lunchtime. Nothing unusual.'],
  },
  {
    by: 'homeroom', at: '16:20', cats: ['positive', 'peer'], mood: 'positive',
    when: anyDay(is('present'), [0.5, 1]),
    text: (c) => ['合唱コンクールの練習でパートリーダーを務めた。周りへの声かけが上手。', `Led ${P(c).his} section in choir competition practice. Good at encouraging others.`],
  },
  {
    by: 'homeroom', at: '08:35', cats: ['positive'], mood: 'positive',
    when: anyDay((r, d) => r.status === 'present' && d.firstOfWeek),
    text: (c) => [`週末の部活（${c.club[0]}）の大会で入賞したと嬉しそうに報告してくれた。`, `Happily told me ${P(c).he} placed in a tournament with ${c.club[1]} at the weekend.`],
  },
  {
    by: 'homeroom', at: '15:45', cats: ['positive', 'peer'],
    when: anyDay(is('present')),
    text: (c) => ['学級委員として話し合いをまとめていた。', `As class representative, ${name(c)} pulled the class discussion together.`],
  },
  {
    by: 'subject', at: '16:00', cats: ['academic', 'positive'],
    when: anyDay(is('present')),
    text: () => ['放課後に質問に来た。粘り強く問題に取り組んでいる。', 'Came with questions after school. Works through problems persistently.'],
  },
  {
    by: 'homeroom', at: '08:45', cats: ['academic', 'family'],
    when: anyDay(is('present')),
    text: () => ['忘れ物が続いている。家庭に声かけをお願いした。', 'Keeps forgetting things. Asked the family to help with reminders.'],
  },
  {
    by: 'homeroom', at: '13:10', cats: ['peer'],
    when: anyDay(is('present')),
    text: () => ['友達と口論。双方から話を聞き、その日のうちに解決した。', 'Argued with a friend at lunchtime. Heard both sides; it was sorted out the same day.'],
  },
  {
    by: 'nurse', at: '14:10', cats: ['health'], setting: 'nurse_office',
    when: anyDay(is('present')),
    text: () => ['体育の授業で足首をひねり来室。湿布をして授業に戻った。', 'Twisted an ankle in PE. Applied a compress and sent back to class.'],
  },
  {
    by: 'subject', at: '11:20', cats: ['academic', 'positive'], setting: 'classroom',
    when: anyDay(is('present')),
    text: (c) => ['スピーチの発表を堂々とできた。準備をしっかりしていた。', `Gave ${P(c).his} speech confidently; clearly well prepared.`],
  },
  {
    by: 'homeroom', at: '16:40', cats: ['emotional'], mood: 'tired',
    when: anyDay(is('present'), [0.3, 1]),
    text: (c) => ['最近、授業中に元気がない。声をかけると「部活で疲れているだけ」とのこと。様子を見る。', `Seemed low in class lately; says ${P(c).he} is just tired from club practice. Will keep an eye on it.`],
  },
  {
    by: 'homeroom', at: '16:15', cats: ['academic'],
    when: anyDay(is('present')),
    text: () => ['宿題の提出が遅れがち。本人と一緒に学習計画表を作った。', 'Often late with homework. We made a study plan together.'],
  },
  {
    by: 'nurse', at: '11:15', cats: ['health'], setting: 'nurse_office',
    when: anyDay((r) => r.status === 'early_leave' && r.note === '体調不良'),
    text: (c) => ['発熱（37.8℃）のため保護者に連絡し早退。', `Temperature of 37.8°C. Called ${P(c).his} parent and ${P(c).he} went home early.`],
  },
];

export const transferScenes: Scene[] = [
  {
    by: 'homeroom', at: '16:00', cats: ['attendance', 'peer', 'positive'], mood: 'anxious',
    when: firstDay(all),
    text: (c) => ['本日付で転入。前籍校からの引き継ぎ資料を確認した。緊張した様子だが、隣の席の生徒と話せていた。', `Joined the school today as a transfer student. Read the handover notes from ${P(c).his} previous school. Nervous, but chatted with the student next to ${P(c).him}.`],
  },
  {
    by: 'homeroom', at: '16:10', cats: ['peer', 'positive'], mood: 'positive',
    when: (c) => {
      const start = c.rows[0]?.date;
      return start ? anyDay((r) => r.status === 'present' && r.date >= addDays(start, 14) && r.date <= addDays(start, 28))(c) : undefined;
    },
    text: (c) => [`転入して数週間。${c.club[0]}に入部し、少しずつ友達が増えている。`, `A few weeks since ${P(c).he} joined. ${P(c).He} has joined ${c.club[1]} and is making friends.`],
  },
];

export const safeguardingScenes: Record<'disappear' | 'bruise', Scene[]> = {
  disappear: [
    {
      by: 'homeroom', at: '13:30', cats: ['peer', 'emotional'], mood: 'low',
      when: anyDay(is('present'), [0.3, 0.7]),
      text: (c) => ['グループ活動で一人になっていることがあった。本人は「大丈夫」と言う。', `Was on ${P(c).his} own during group work. Says ${P(c).he} is fine.`],
    },
    {
      by: 'homeroom', at: '13:20', cats: ['emotional', 'safeguarding'], mood: 'low', setting: 'classroom',
      when: lastDay(is('present'), [0.85, 1]),
      text: (c) => ['数学のノートの端に「消えたい」と書いてあった。本人に声をかけたが何でもないと言った。', `Found "I want to disappear" written in the margin of ${P(c).his} maths notebook. When I asked, ${P(c).he} said it was nothing.`],
    },
  ],
  bruise: [
    {
      by: 'nurse', at: '10:30', cats: ['health', 'family', 'safeguarding'], mood: 'withdrawn', setting: 'nurse_office',
      when: lastDay(is('present', 'late', 'nurse_office'), [0.8, 1]),
      text: (c) => ['体育の着替えの時に腕にあざがあるのに気づいた。本人は「転んだ」と言うが、目を合わせなかった。', `Noticed bruises on ${P(c).his} arm when changing for PE. ${P(c).He} said ${P(c).he} fell, but would not meet my eyes.`],
    },
    {
      by: 'homeroom', at: '16:30', cats: ['family', 'emotional'],
      when: (c) => anyDay(is('present', 'late'), [0.5, 0.8])(c),
      text: (c) => ['最近、放課後になっても帰ろうとせず教室に残っていることが多い。', `Lately ${P(c).he} often lingers in the classroom after school instead of going home.`],
    },
  ],
};

/** The counselor's note the school day after a safeguarding note: the team acted on it. */
export const safeguardingFollowUps: Record<'disappear' | 'bruise', Scene> = {
  disappear: {
    by: 'counselor', at: '15:00', cats: ['emotional', 'family'], setting: 'counseling',
    when: () => undefined,
    text: (c) => ['担任からの報告を受けて面談。最近眠りが浅く、学校生活に疲れていると話す。保護者に連絡し、週1回の面談を続けることにした。', `Met ${name(c)} after the report from ${P(c).his} homeroom teacher. ${P(c).He} sleeps badly and feels worn out by school. Contacted the family; we will meet weekly.`],
  },
  bruise: {
    by: 'counselor', at: '15:30', cats: ['family', 'emotional'], setting: 'counseling',
    when: () => undefined,
    text: (c) => ['養護教諭からの報告を受けて面談。家のことはあまり話さない。管理職と共有し、関係機関への相談を進める。', `Met ${name(c)} after the nurse's report. ${P(c).He} says little about home. Shared with the principal; we are contacting the relevant agencies.`],
  },
};
