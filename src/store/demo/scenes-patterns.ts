// What staff write about each attendance pattern, in the voice of the sample export's notes.
// The wording carries the signals DOMAIN.md lists for each of Kearney's functions (Sunday-night
// stomach aches for F1, test and presentation days for F2, wanting to be with a parent for F3,
// night-time gaming for F4), so the engine has real evidence to reason from. Each scene has a
// Japanese and an English text; the author's preferred language decides which is stored.
import type { ProfileKind } from './profiles.ts';
import type { SchoolDay } from './school-days.ts';
import {
  afterWeekStartWith, all, and, anyDay, countRecent, countThisWeek, either, firstDay, is, labelEn, lastDay, notWeekStart,
  onTest, pronouns, recent, sinceOnset, streakOf, weekStart, WEEKDAY_EN, WEEKDAY_JA, type Scene, type SceneContext,
} from './scene-tools.ts';

const dayOf = (c: SceneContext, date: string) => c.day.get(date) as SchoolDay;
const P = (c: SceneContext) => pronouns(c.student);
const name = (c: SceneContext) => c.student.givenNameRomaji;

const monday: Scene[] = [
  {
    by: 'homeroom', at: '08:40', cats: ['attendance', 'health', 'family'], mood: 'anxious', setting: 'phone',
    when: firstDay(and(is('absent'), weekStart), sinceOnset()),
    text: (c, r) => {
      // The first school day of a week is a Monday unless a holiday took the Monday.
      const dow = dayOf(c, r.date).dow;
      return dow === 1
        ? ['月曜日の朝、母親から電話。日曜の夜になるとお腹が痛いと言い、今朝は起きられなかったとのこと。', `Monday morning call from ${P(c).his} mother: ${name(c)} had a stomach ache on Sunday night and could not get up this morning.`]
        : [`連休明けの${WEEKDAY_JA[dow]}曜日の朝、母親から電話。休みの最後の夜になるとお腹が痛いと言い、今朝は起きられなかったとのこと。`, `${WEEKDAY_EN[dow]} morning after the long weekend, a call from ${P(c).his} mother: ${name(c)} had a stomach ache the night before and could not get up this morning.`];
    },
  },
  {
    by: 'homeroom', at: '16:10', cats: ['emotional', 'academic', 'peer'], mood: 'anxious', setting: 'classroom',
    when: (c) => anyDay(and(is('present'), afterWeekStartWith('absent', c.day)), sinceOnset(0.6))(c),
    text: (c) => ['本人と面談。月曜日の1限の小テストが不安だと話していた。友人関係は良好。', `Talked with ${name(c)} after school. ${P(c).He} is worried about the Monday first-period quiz. Friendships are fine.`],
  },
  {
    by: 'counselor', at: '15:40', cats: ['emotional', 'health'], mood: 'anxious', setting: 'counseling',
    when: anyDay(and(is('present'), notWeekStart), (c) => [c.profile.onset + 0.15, 0.9]),
    text: (c) => ['カウンセリング。日曜日の夕方になると胸が苦しくなり、授業で当てられることが心配だと話す。呼吸法を一緒に練習した。', `Counseling session: ${name(c)} describes a tight chest on Sunday evenings and worries about being called on in class. We practised a breathing exercise.`],
  },
  {
    by: 'nurse', at: '09:30', cats: ['health'], mood: 'tired', setting: 'nurse_office',
    when: anyDay(is('nurse_office'), sinceOnset()),
    text: (c) => ['1限の途中で頭痛を訴えて来室。週明けはいつも体調がすぐれないと話す。30分休んで教室に戻った。', `Came in during period 1 with a headache; says ${P(c).he} always feels unwell at the start of the week. Rested 30 minutes and went back to class.`],
  },
  {
    by: 'homeroom', at: '16:00', cats: ['attendance', 'positive', 'peer'], mood: 'positive',
    when: (c) => lastDay((r, d, i, rows) => r.status === 'present' && afterWeekStartWith('absent', c.day)(r, d, i, rows), sinceOnset())(c),
    text: (c, r) => {
      const dow = dayOf(c, r.date).dow;
      const start = dayOf(c, (c.rows[c.rows.indexOf(r) - 1] as typeof r).date).dow;
      return start === 1
        ? [`今週も月曜は欠席。${WEEKDAY_JA[dow]}曜日は笑顔で登校し、友達と昼食をとっていた。`, `Absent on Monday again this week. Came in smiling on ${WEEKDAY_EN[dow]} and had lunch with friends.`]
        : [`今週も週明けの${WEEKDAY_JA[start]}曜日は欠席。${WEEKDAY_JA[dow]}曜日は笑顔で登校し、友達と昼食をとっていた。`, `Absent again on the first day of the week (${WEEKDAY_EN[start]}). Came in smiling on ${WEEKDAY_EN[dow]} and had lunch with friends.`];
    },
  },
];

type Pronouns = ReturnType<typeof pronouns>;
const EVENT_TEXT: Record<string, [string, (p: Pronouns) => string]> = {
  体育祭: ['体育祭を欠席。前日に「みんなの前で走るのが嫌だ」と話していた。', (p) => `Missed sports day. The day before, ${p.he} said ${p.he} hated running in front of everyone.`],
  職場体験: ['職場体験を欠席。事前の電話でのあいさつ練習をとても嫌がっていた。', (p) => `Missed work experience. ${p.He} had dreaded the practice phone call to the workplace.`],
  文化祭: ['文化祭を欠席。「人が多いところは無理」と話していたとのこと。', (p) => `Missed the culture festival. ${p.He} had said crowded places are too much.`],
};

const testAvoidance: Scene[] = [
  {
    by: 'homeroom', at: '08:30', cats: ['attendance', 'academic', 'family'], mood: 'anxious', setting: 'phone',
    when: firstDay(and(is('absent'), onTest)),
    text: (c, r) => {
      const label = dayOf(c, r.date).test as string;
      return [`${label}を欠席。母親によるとテストの前日は眠れないとのこと。`, `Absent for the ${labelEn(label)}. ${P(c).His} mother says ${P(c).he} cannot sleep the night before a test.`];
    },
  },
  {
    by: 'homeroom', at: '09:10', cats: ['attendance', 'peer'],
    when: lastDay(and(is('absent'), onTest), [0.3, 1]),
    text: (c, r) => {
      const label = dayOf(c, r.date).test as string;
      return [`${label}を欠席。テストのない日は普通に登校して友達とも話している。`, `Missed the ${labelEn(label)}. On days without tests ${P(c).he} comes in as usual and chats with friends.`];
    },
  },
  {
    by: 'homeroom', at: '17:00', cats: ['attendance', 'peer', 'emotional'], mood: 'anxious',
    when: anyDay((r, d) => r.status === 'absent' && d.event !== undefined && d.event in EVENT_TEXT),
    text: (c, r) => {
      const event = dayOf(c, r.date).event as string;
      const [ja, en] = EVENT_TEXT[event] as [string, (p: Pronouns) => string];
      return [ja, en(P(c))];
    },
  },
  {
    by: 'subject', at: '14:20', cats: ['academic', 'emotional'], setting: 'classroom',
    when: anyDay(is('present'), [0.3, 1]),
    text: (c) => ['小テストを返却した際、点数を周りに見られないよう急いで隠していた。', `When I handed back the quiz, ${name(c)} quickly hid the paper so nobody could see the score.`],
  },
  {
    by: 'counselor', at: '15:30', cats: ['emotional', 'academic'], mood: 'anxious', setting: 'counseling',
    when: anyDay(is('present'), [0.4, 1]),
    text: (c) => ['面談。「点数で自分の価値が決まる」と話す。失敗への不安が強い。別室受験の選択肢を伝えた。', `Session with ${name(c)}: "my score decides what I am worth." Strong fear of failure. Told ${P(c).him} about sitting tests in a separate room.`],
  },
];

const nurseOffice: Scene[] = [
  {
    by: 'nurse', at: '10:20', cats: ['health', 'peer'], mood: 'low', setting: 'nurse_office',
    when: firstDay(is('nurse_office'), sinceOnset()),
    text: (c) => ['2限の途中で保健室に来室。頭痛を訴える。グループ活動で同じ班の生徒とうまくいっていないと話した。', `Came to the nurse's office in period 2 with a headache. Said things are not going well with the others in ${P(c).his} group.`],
  },
  {
    by: 'nurse', at: '11:00', cats: ['academic', 'emotional', 'health'], setting: 'nurse_office',
    when: anyDay(and(is('nurse_office'), onTest)),
    text: (c, r) => {
      const label = dayOf(c, r.date).test as string;
      return [`保健室で${label}を受けた。教室に戻るのは怖いと言う。`, `Sat the ${labelEn(label)} in the nurse's office. Says going back to the classroom feels scary.`];
    },
  },
  {
    by: 'homeroom', at: '09:50', cats: ['peer', 'emotional', 'health'], mood: 'low',
    when: anyDay(is('nurse_office'), [0.4, 0.85]),
    text: (c) => ['発表の授業の前に保健室へ。クラスの一部の生徒から陰口を言われていると本人が訴えた。', `Went to the nurse's office before a class presentation. Told me some classmates talk about ${P(c).him} behind ${P(c).his} back.`],
  },
  {
    by: 'counselor', at: '14:00', cats: ['emotional', 'peer'], setting: 'counseling',
    when: anyDay(is('nurse_office'), [0.3, 0.9]),
    text: (c) => ['面談。「教室に入ると皆に見られている気がする」と話す。保健室なら安心できるとのこと。', `Session: ${name(c)} feels everyone is watching ${P(c).him} in the classroom; the nurse's office feels safe.`],
  },
  {
    by: 'nurse', at: '15:30', cats: ['attendance', 'health', 'positive'], mood: 'calm', setting: 'nurse_office',
    when: lastDay(is('nurse_office')),
    text: (c, r) => {
      const n = countThisWeek(c, r, 'nurse_office');
      return [`今週は${n}日保健室登校。養護教諭とは落ち着いて話せている。`, `In the nurse's office ${n} day${n === 1 ? '' : 's'} this week. Talks calmly with the nurse.`];
    },
  },
];

const separateRoom: Scene[] = [
  {
    by: 'counselor', at: '11:00', cats: ['attendance', 'emotional', 'peer'], mood: 'anxious', setting: 'separate_room',
    when: firstDay(is('separate_room')),
    text: (c) => ['別室登校。少人数なら話せる。教室に入ると周りの目が気になると話す。', `Attending in the separate room. Can talk in a small group; says ${P(c).he} feels eyes on ${P(c).him} in the classroom.`],
  },
  {
    by: 'homeroom', at: '14:00', cats: ['academic', 'positive'], mood: 'calm', setting: 'separate_room',
    when: anyDay(is('separate_room'), [0.3, 0.7]),
    text: () => ['別室で数学のプリントに取り組んだ。支援員と将棋をしていた。', 'Worked through a maths worksheet in the separate room, then played shogi with the support assistant.'],
  },
  {
    by: 'subject', at: '13:30', cats: ['academic', 'positive'], setting: 'separate_room',
    when: anyDay(is('separate_room'), [0.4, 0.9]),
    text: (c) => ['美術の作品を別室で仕上げた。細部まで丁寧な仕上がり。', `Finished ${P(c).his} art piece in the separate room. Careful work down to the details.`],
  },
  {
    by: 'counselor', at: '16:30', cats: ['emotional', 'positive'], mood: 'positive', setting: 'separate_room',
    when: lastDay(is('separate_room')),
    text: (c) => ['別室で担任と10分間面談。来週は給食の時間だけ教室に行ってみたいと話した。', `Ten-minute talk with ${P(c).his} homeroom teacher in the separate room. ${P(c).He} wants to try eating lunch in the classroom next week.`],
  },
];

/** periods_attended 5 means the student arrived for period 2. */
const arrivalPeriod = (periods: number) => 7 - periods;

const nightLateness: Scene[] = [
  {
    by: 'homeroom', at: '08:55', cats: ['attendance', 'health'], mood: 'tired',
    when: firstDay(streakOf('late', 3)),
    text: (c) => ['3日連続で遅刻。夜中までスマホで動画を見ているとのこと。', `Late three days in a row. Says ${P(c).he} watches videos on ${P(c).his} phone until the middle of the night.`],
  },
  {
    by: 'homeroom', at: '08:50', cats: ['attendance', 'positive'],
    when: anyDay(is('late'), [0.3, 0.7]),
    text: (c) => [`遅刻の理由を聞くと、朝起きられないと話す。部活（${c.club[0]}）には熱心に参加している。`, `Asked why ${P(c).he} is late: ${P(c).he} cannot get up in the morning. Very keen in ${c.club[1]} after school.`],
  },
  {
    by: 'subject', at: '11:40', cats: ['health', 'academic'], mood: 'tired', setting: 'classroom',
    when: anyDay(is('present', 'late'), [0.4, 0.95]),
    text: (c) => ['授業中に居眠りが続く。声をかけると「昨日は3時まで起きていた」と話す。', `Fell asleep in class again. When I spoke to ${P(c).him}, ${P(c).he} said ${P(c).he} was up until 3 a.m.`],
  },
  {
    by: 'counselor', at: '17:00', cats: ['family', 'health'], setting: 'counseling',
    when: anyDay(all, [0.5, 1]),
    text: (c) => ['保護者と面談。夜はスマホを手放せず、家庭でのルール作りに悩んでいるとのこと。', `Met ${P(c).his} parent: ${P(c).he} will not put the phone down at night and the family is struggling to set rules.`],
  },
  {
    by: 'homeroom', at: '08:45', cats: ['attendance', 'health', 'academic'], mood: 'tired',
    when: lastDay(is('late')),
    text: (_c, r) => {
      const p = arrivalPeriod(r.periodsAttended);
      return [`今日も${p}限から登校。寝不足で授業中に居眠り。`, `Came in at period ${p} again today. Short of sleep and dozed off in class.`];
    },
  },
];

const earlyLeave: Scene[] = [
  {
    by: 'nurse', at: '11:30', cats: ['health', 'family', 'attendance'], setting: 'nurse_office',
    when: firstDay(is('early_leave'), sinceOnset()),
    text: (c, r) => {
      const p = r.periodsAttended + 1;
      return [`${p}限で腹痛を訴え保健室へ。母親に迎えを頼み早退。母親が来ると表情が明るくなった。`, `Came to the nurse's office in period ${p} with a stomach ache and was picked up by ${P(c).his} mother. ${P(c).His} face brightened when she arrived.`];
    },
  },
  {
    by: 'homeroom', at: '12:00', cats: ['attendance', 'family'],
    when: either(lastDay((r, _d, i, rows) => r.status === 'early_leave' && rows.slice(Math.max(0, i - 4), i).some((x) => x.status === 'early_leave'), sinceOnset()), lastDay(is('early_leave'), sinceOnset())),
    text: (c, r) => {
      const n = countThisWeek(c, r, 'early_leave');
      const sibling: [string, string] = c.student.id.charCodeAt(c.student.id.length - 1) % 2 ? ['弟', 'brother'] : ['妹', 'sister'];
      const head = n >= 2 ? `今週${n}回目の早退。` : '早退。';
      return [`${head}家で母親と過ごしたがっている様子。${sibling[0]}が生まれたばかりとのこと。`, `${n >= 2 ? `Left early for the ${n === 2 ? 'second' : `${n}th`} time this week.` : 'Left early.'} ${P(c).He} seems to want to be at home with ${P(c).his} mother; a baby ${sibling[1]} was born recently.`];
    },
  },
  {
    by: 'counselor', at: '16:00', cats: ['family', 'emotional'], setting: 'counseling',
    when: anyDay(all, (c) => [Math.min(1, c.profile.onset + 0.1), 1]),
    text: (c) => ['保護者面談。朝の別れ際に泣くことがあるとのこと。迎えの時間を約束して見通しを持たせることを提案した。', `Parent meeting: ${P(c).he} sometimes cries when they part in the morning. Suggested agreeing a fixed pick-up time so ${P(c).he} knows what to expect.`],
  },
  {
    by: 'homeroom', at: '13:00', cats: ['positive', 'peer'], mood: 'positive',
    when: anyDay(is('present')),
    text: (c) => ['昼休みに係の仕事を頑張っていた。任されると張り切る。', `Worked hard on ${P(c).his} class duty at lunchtime. Gets going when given responsibility.`],
  },
];

const futokoGames: Scene[] = [
  {
    by: 'homeroom', at: '16:30', cats: ['attendance', 'family'], setting: 'phone',
    when: firstDay(streakOf('absent', 3), sinceOnset()),
    text: (c) => ['3日続けて欠席。母親によると夜遅くまでオンラインゲームをしているらしい。', `Absent three days running. ${P(c).His} mother says ${P(c).he} plays online games late into the night.`],
  },
  {
    by: 'homeroom', at: '17:00', cats: ['family', 'attendance'], mood: 'withdrawn', setting: 'home_visit',
    when: anyDay(is('absent'), (c) => [c.profile.onset + 0.1, c.profile.onset + 0.3]),
    text: (c) => ['家庭訪問。本人は部屋から出てこなかった。母親は「学校に行っても面白くない」と本人が言っていると話す。', `Home visit. ${P(c).He} did not come out of ${P(c).his} room. ${P(c).His} mother says ${P(c).he} calls school boring.`],
  },
  {
    by: 'counselor', at: '17:30', cats: ['family', 'health'], setting: 'counseling',
    when: anyDay(is('absent'), (c) => [c.profile.onset + 0.2, 1]),
    text: (c) => ['母親と面談。昼夜逆転が続き、午前3時頃までゲームをしている。父親は単身赴任中。', `Met ${P(c).his} mother. Day and night are reversed; ${P(c).he} games until about 3 a.m. ${P(c).His} father works away from home.`],
  },
  {
    by: 'homeroom', at: '16:00', cats: ['family', 'emotional'], setting: 'home_visit',
    when: lastDay(is('absent')),
    text: (c) => ['家庭訪問。ドア越しに、ゲームの大会に向けて練習していると話してくれた。学校はつまらないと言う。', `Home visit: ${name(c)} talked to me through the door about a game tournament ${P(c).he} is preparing for. ${P(c).He} said school is boring.`],
  },
  {
    by: 'homeroom', at: '09:00', cats: ['attendance', 'positive'], setting: 'online',
    when: anyDay(is('online'), sinceOnset()),
    text: (c) => ['久しぶりにオンラインで朝の会に参加。カメラはオフだったが、チャットで返事をした。', `Joined morning homeroom online for the first time in a while. Camera off, but ${P(c).he} answered in the chat.`],
  },
];

const futokoAnxiety: Scene[] = [
  {
    by: 'homeroom', at: '16:30', cats: ['attendance', 'health', 'family'], setting: 'phone',
    when: firstDay(streakOf('absent', 3), sinceOnset()),
    text: (c) => ['3日続けて欠席。母親によると、朝になると吐き気がして玄関から出られないとのこと。', `Absent three days running. ${P(c).His} mother says ${P(c).he} feels sick in the morning and cannot get out of the front door.`],
  },
  {
    by: 'homeroom', at: '17:00', cats: ['emotional', 'attendance'], mood: 'anxious', setting: 'home_visit',
    when: anyDay(is('absent'), (c) => [c.profile.onset + 0.1, c.profile.onset + 0.3]),
    text: (c) => ['家庭訪問。本人と玄関で少し話せた。「行かなきゃと思うほど苦しくなる」と話す。', `Home visit: spoke briefly with ${name(c)} at the door. "The more I think I have to go, the worse it gets."`],
  },
  {
    by: 'counselor', at: '17:30', cats: ['family', 'health', 'emotional'], setting: 'counseling',
    when: anyDay(is('absent'), (c) => [c.profile.onset + 0.2, 1]),
    text: (c) => ['母親と面談。夜も眠りが浅く、学校の話題になると黙り込むとのこと。医療機関への相談を勧めた。', `Met ${P(c).his} mother: ${P(c).he} sleeps poorly and falls silent when school comes up. Suggested seeing a doctor.`],
  },
  {
    by: 'nurse', at: '15:50', cats: ['attendance', 'positive', 'health'], setting: 'nurse_office',
    when: anyDay(is('separate_room', 'nurse_office'), sinceOnset()),
    text: (c) => ['放課後に保健室へ登校。10分ほど養護教諭と話して帰った。', `Came to the nurse's office after school and talked with me for about ten minutes before going home. ${P(c).He} seemed relieved.`],
  },
  {
    by: 'homeroom', at: '16:00', cats: ['emotional', 'positive'],
    when: lastDay(is('absent')),
    text: (c) => ['手紙を届けた。返事に「また行けたらいい」と書いてあった。', `Delivered a letter. ${P(c).His} reply said "I hope I can come again."`],
  },
];

const improving: Scene[] = [
  {
    by: 'homeroom', at: '17:00', cats: ['family', 'emotional', 'peer'], setting: 'home_visit',
    when: anyDay(is('absent'), (c) => [0, c.profile.phases[0]]),
    text: (c) => ['家庭訪問。玄関で5分ほど話せた。クラスの雰囲気が苦手だが、美術の授業には出たいと話している。', `Home visit: about five minutes at the door. ${P(c).He} finds the class atmosphere hard but wants to come to art lessons.`],
  },
  {
    by: 'homeroom', at: '10:00', cats: ['attendance', 'positive'], setting: 'online',
    when: firstDay(is('online'), (c) => [c.profile.phases[0], c.profile.phases[1]]),
    text: () => ['オンラインで授業に参加し始めた。カメラはオフだが、チャットで質問に答えた。', 'Started joining lessons online. Camera off, but answered a question in the chat.'],
  },
  {
    by: 'counselor', at: '11:00', cats: ['attendance', 'emotional'], mood: 'calm', setting: 'separate_room',
    when: firstDay(is('separate_room'), (c) => [c.profile.phases[1], c.profile.phases[2]]),
    text: () => ['別室で読書。教室に入るのはまだ怖いが、別室は落ち着くと話す。', 'Reading in the separate room. The classroom still feels scary, but the separate room is calm.'],
  },
  {
    by: 'homeroom', at: '12:40', cats: ['attendance', 'positive', 'peer'], mood: 'positive', setting: 'classroom',
    when: anyDay(is('present'), (c) => [c.profile.phases[2], Math.min(1, c.profile.phases[2] + 0.1)]),
    text: () => ['教室で過ごす時間が増えた。美術部の友達と一緒に昼食。', 'Spending more time in the classroom. Had lunch with friends from the art club.'],
  },
  {
    by: 'homeroom', at: '15:00', cats: ['positive', 'peer'], mood: 'positive',
    when: either(anyDay((r, d) => r.status === 'present' && d.event === '文化祭', (c) => [c.profile.phases[2], 1]), lastDay(is('present'), (c) => [c.profile.phases[2], 1])),
    text: (c, r) =>
      dayOf(c, r.date).event === '文化祭'
        ? ['文化祭に参加し、美術の展示を手伝った。一日中笑顔だった。', `${name(c)} joined the culture festival and helped with the art exhibition. Smiling all day.`]
        : ['今週は毎日教室で過ごせた。授業中に手を挙げて発言した。', `In class every day this week and put ${P(c).his} hand up to answer a question.`],
  },
];

const worsening: Scene[] = [
  {
    by: 'homeroom', at: '16:00', cats: ['positive'], mood: 'positive',
    when: anyDay(is('present'), [0.2, 0.6]),
    text: (c) => [`部活（${c.club[0]}）に熱心に取り組んでいる。明るく過ごしている。`, `Keen in ${c.club[1]}. Cheerful in class.`],
  },
  {
    by: 'nurse', at: '10:40', cats: ['health', 'emotional'], mood: 'tired', setting: 'nurse_office',
    when: (c) => anyDay(and(is('nurse_office'), recent(c.profile.recentDays)))(c),
    text: (c) => ['最近、頭痛で保健室に来ることが増えた。夜よく眠れていないと話す。', `Has been coming in with headaches more often lately. Says ${P(c).he} is not sleeping well.`],
  },
  {
    by: 'homeroom', at: '16:30', cats: ['attendance', 'peer'], mood: 'low',
    when: (c) => lastDay(and(is('absent'), recent(c.profile.recentDays)))(c),
    text: (c, r) => {
      const n = countRecent(c, r, 'absent', 10);
      return [`ここ2週間で欠席が${n}日。友達グループが変わったようで、休み時間は一人でいることが多い。`, `${n} absence${n === 1 ? '' : 's'} in the past two weeks. ${P(c).His} friendship group seems to have changed; often alone at break.`];
    },
  },
  {
    by: 'nurse', at: '10:15', cats: ['peer', 'emotional', 'health'], mood: 'distressed', setting: 'nurse_office',
    when: (c) => lastDay(and(is('present', 'nurse_office', 'late'), recent(Math.floor(c.profile.recentDays / 2))))(c),
    text: (c) => ['保健室で泣いていた。昨日SNSで悪口を書かれたと話す。', `Crying in the nurse's office. Says someone posted mean things about ${P(c).him} on social media yesterday.`],
  },
];

const online: Scene[] = [
  {
    by: 'homeroom', at: '09:00', cats: ['attendance', 'health'], setting: 'online',
    when: firstDay(is('online')),
    text: () => ['満員電車がつらいとのことで、週1〜2回オンラインで授業に参加。カメラはオフ。', 'Finds the packed train hard, so joins lessons online once or twice a week. Camera off.'],
  },
  {
    by: 'counselor', at: '15:30', cats: ['emotional', 'positive'], setting: 'counseling',
    when: anyDay(is('present'), (c) => [Math.min(1, c.profile.onset + 0.15), 1]),
    text: (c) => ['オンラインの日があると助かると話す。美術と音楽のある日は登校したいとのこと。', `${name(c)} says online days help; ${P(c).he} wants to come in on days with art and music.`],
  },
  {
    by: 'subject', at: '13:00', cats: ['academic', 'positive'], setting: 'online',
    when: anyDay(is('online')),
    text: () => ['オンラインの日もしっかり課題を提出している。', 'Hands in every assignment on time, even on online days.'],
  },
];

export function patternScenes(kind: ProfileKind, variant: string): Scene[] {
  switch (kind) {
    case 'monday_avoidance': return monday;
    case 'test_avoidance': return testAvoidance;
    case 'nurse_office': return nurseOffice;
    case 'separate_room': return separateRoom;
    case 'night_lateness': return nightLateness;
    case 'early_leave': return earlyLeave;
    case 'futoko': return variant === 'games' ? futokoGames : futokoAnxiety;
    case 'improving': return improving;
    case 'worsening': return worsening;
    case 'online': return online;
    case 'regular': return [];
  }
}
