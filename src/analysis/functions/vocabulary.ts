// The words in staff notes that point to one of Kearney's four functions (DOMAIN.md, "The four
// functions of school refusal"): F1 avoiding distress tied to school, F2 escaping social or
// evaluative situations, F3 seeking a parent's attention, F4 pursuing rewards outside school.
// Japanese and English, matched on normalised text (text.ts). A phrase needs its problem word
// ("peer trouble", not just "friends"), so 「友人関係は良好」 is no peer signal.
//
// Weights are evidence points (hypothesise.ts turns points into a confidence): about 1.0 for a
// phrase that is typical of the function in DOMAIN.md's table, 0.4-0.6 for one that only hints.
import type { FunctionCode, Localized } from '../types.ts';
import type { Phrase } from './text.ts';

export type CueRole =
  /** Physical complaints: stronger on school mornings, weaker when a parent then picks the child up. */
  | 'somatic'
  /** Tests, presentations, events: strong with avoidance or worry in the same clause, weak alone. */
  | 'evaluative'
  /** Worry words: F1, unless the same clause names a social or evaluative object (then F2). */
  | 'worry'
  /** Cannot get up: F4 when the records speak of night-time activity or poor sleep, else F1. */
  | 'morning_difficulty'
  /** Night-time activity or reversed sleep: makes late arrival and "cannot get up" point to F4. */
  | 'night'
  /** A parent collects the child: strengthens the early-leave pattern for F3. */
  | 'pickup'
  | 'plain';

export interface Cue extends Phrase {
  id: string;
  fn: FunctionCode;
  role: CueRole;
  /** Points when present (for `evaluative`: with avoidance or worry in the clause). */
  weight: number;
  /** `evaluative` only: points for a bare mention. */
  bareWeight?: number;
  label: Localized;
}

export const CUES: readonly Cue[] = [
  // F1: distress tied to school (DOMAIN.md: stomach ache / headache on school mornings, Sunday-night distress).
  {
    id: 'f1_somatic',
    fn: 'F1',
    role: 'somatic',
    weight: 1.0,
    ja: /腹痛|お?腹が痛|おなかが痛|お腹痛|お腹の調子|頭痛|頭が痛|吐き気|はきけ|吐いた|嘔吐|気持ち悪|気分が悪|胸が(苦し|痛|締め付け|ドキドキ)|動悸|めまい|ふらつ|微熱|体調不良|体がだる/,
    en: /stomach ?aches?|tummy ?aches?|stomach (pain|hurts?)|head ?aches?|nause(a|ous)|feel(s|ing)? sick|(felt|was) sick|vomit|threw up|tight(ness in the)? chest|chest (feels |felt )?tight|chest pain|dizz(y|iness)|palpitation/,
    label: { ja: '腹痛・頭痛などの体の不調の訴え', en: 'physical complaints such as stomach ache or headache' },
  },
  {
    id: 'f1_school_morning',
    fn: 'F1',
    role: 'plain',
    weight: 1.0,
    ja: /日曜(日)?の?(夜|夕方|晩)|週末の(夜|終わり)|休み明け|連休明け|月曜(日)?の?朝|登校前|学校に行く前|朝になると/,
    en: /sunday (evening|night)s?|monday mornings?|before school|school mornings?|end of the weekend|after the (weekend|holidays?)/,
    label: { ja: '日曜の夜や登校前の朝のつらさ', en: 'distress on Sunday evenings or before school' },
  },
  {
    id: 'f1_worry',
    fn: 'F1',
    role: 'worry',
    weight: 0.6,
    ja: /不安|心配|怖い|こわい|怖が|緊張|落ち着かな|パニック|泣い|泣き|涙|眠れな/,
    en: /anxious|anxiety|worr(y|ies|ied|ying)|scared|afraid|frightened|nervous|panic|tearful|\bcr(y|ies|ied|ying)\b|can't sleep|couldn't sleep/,
    label: { ja: '不安や緊張の訴え', en: 'worry or nervousness' },
  },
  {
    id: 'f1_low_mood',
    fn: 'F1',
    role: 'plain',
    weight: 0.5,
    ja: /元気がな|落ち込|沈んで|憂うつ|憂鬱|ふさぎ込|無気力|表情が(暗|硬)/,
    en: /low mood|\b(feeling|feels|seems?|seemed|looks?|looked) (down|low|sad)\b|withdrawn/,
    label: { ja: '気分の落ち込み', en: 'low mood' },
  },
  {
    id: 'f1_crowds',
    fn: 'F1',
    role: 'plain',
    weight: 0.5,
    ja: /満員電車|人混み|人ごみ|混雑/,
    en: /crowded|crowds/,
    label: { ja: '人混みや通学のつらさ', en: 'distress in crowds or on the way to school' },
  },
  {
    id: 'morning_difficulty',
    fn: 'F1',
    role: 'morning_difficulty',
    weight: 0.5,
    ja: /起きられな|起きられず|起こしても起きな|起床できな/,
    en: /(can't|cannot|couldn't|could not) (wake|get) up|(trouble|struggles?|hard) (waking|getting) up/,
    label: { ja: '朝起きられない', en: 'cannot get up in the morning' },
  },

  // F2: social or evaluative situations (DOMAIN.md: tests, presentations, peer conflict, "people look at me").
  {
    id: 'f2_test',
    fn: 'F2',
    role: 'evaluative',
    weight: 1.2,
    bareWeight: 0.4,
    ja: /テスト|試験|定期考査|考査|検定/,
    en: /\b(tests?|exams?|quiz(zes)?|examinations?)\b/,
    label: { ja: 'テストなど評価される場面', en: 'tests and being assessed' },
  },
  {
    id: 'f2_performance',
    fn: 'F2',
    role: 'evaluative',
    weight: 1.2,
    bareWeight: 0.5,
    ja: /発表|スピーチ|音読|朗読|当てられ|指名され|人前|プレゼン/,
    en: /presentations?|\bspeech\b|called on|read(ing)? aloud|in front of (the )?class|speak(ing)? in class/,
    label: { ja: '発表や授業中に当てられる場面', en: 'presentations or being called on in class' },
  },
  {
    id: 'f2_event',
    fn: 'F2',
    role: 'evaluative',
    weight: 0.6,
    bareWeight: 0,
    ja: /行事|体育祭|運動会|文化祭|合唱|職場体験|修学旅行|遠足|校外学習|宿泊学習/,
    en: /sports day|school trip|field trip|festival|choir|chorus|work experience/,
    label: { ja: '行事の日の欠席', en: 'missing school events' },
  },
  {
    id: 'f2_gaze',
    fn: 'F2',
    role: 'plain',
    weight: 1.0,
    ja: /周りの目|人の目|周囲の目|視線が|(人|周り|みんな|皆|友達|クラス)(に|から)見られ|見られている気がする|見られるのが/,
    en: /(people|everyone|they|others) (look|looks|looking|stare|stares|staring) at (me|him|her|them)|being (watched|looked at|stared at)|what (others|people) think/,
    label: { ja: '周りの目が気になる', en: 'feeling watched by others' },
  },
  {
    id: 'f2_peer_harm',
    fn: 'F2',
    role: 'plain',
    weight: 1.0,
    ja: /陰口|悪口|からかわれ|からかい|いじめ|いじられ|無視され|仲間(外|はず)れ|ハブられ|嫌がらせ|冷やかさ/,
    en: /bull(y|ied|ying)|teas(ed|ing)|made fun of|left out|excluded|ignored by|behind (his|her|their) back|gossip|rumou?rs?|picked on|mean comments/,
    label: { ja: '陰口やからかいなど友人からのつらい体験', en: 'unkind talk, teasing or exclusion by peers' },
  },
  {
    id: 'f2_peer_conflict',
    fn: 'F2',
    role: 'plain',
    weight: 1.0,
    ja: /(友達|友人|クラスメイト|同級生|生徒|班|グループ|周り|部員|仲間)[^。]{0,10}(うまくいっていな|うまくいかな|上手くいかな|トラブル|もめ|揉め|けんか|喧嘩|関係が悪|気まず)|友人関係(に|で)?(悩|トラブル|問題が)/,
    en: /(conflict|trouble|argument|fight|falling out|fell out) with (a |his |her |their |some )?(classmates?|peers?|friends?|group)|(doesn't|does not|don't) get (on|along) with/,
    label: { ja: '友人関係のつまずき', en: 'trouble with peers' },
  },
  {
    id: 'f2_group_work',
    fn: 'F2',
    role: 'plain',
    weight: 0.4,
    ja: /グループ活動|班活動|グループワーク|ペアワーク|話し合い活動/,
    en: /group work|group activit(y|ies)|pair work/,
    label: { ja: 'グループ活動の場面', en: 'group work' },
  },
  {
    id: 'f2_classroom',
    fn: 'F2',
    role: 'plain',
    weight: 0.8,
    ja: /教室に(入|戻|行)[^。]{0,6}(怖|こわ|不安|つら|辛|嫌|いや|苦手|できな|られな)|教室に入ると|教室が(怖|こわ|苦手|つら)|クラスの雰囲気が(苦手|怖|こわ|嫌|合わな)|クラス(が|に)(苦手|なじめ|馴染め)|集団が苦手|大人数が苦手|大勢の前/,
    en: /(scared|afraid|anxious|nervous|hard|difficult) to (go|come|get) (in)?to (the )?class(room)?|(hates?|dislikes?) the class(room)? atmosphere|can't face (the )?class/,
    label: { ja: '教室や集団の場に入りにくい', en: 'finding the classroom or groups hard to enter' },
  },
  {
    id: 'f2_small_group',
    fn: 'F2',
    role: 'plain',
    weight: 0.6,
    ja: /少人数なら|少人数だと|一対一なら|1対1なら|大人数だと/,
    en: /(only|can) (talk|speak) in (a )?small groups?|one[- ]to[- ]one only/,
    label: { ja: '少人数なら話せる（大人数の場は難しい）', en: 'can talk in small groups, not in large ones' },
  },

  // F3: a parent's attention (DOMAIN.md: early leaving to be picked up, calls home, new sibling).
  {
    id: 'f3_pickup',
    fn: 'F3',
    role: 'pickup',
    weight: 1.2,
    ja: /(母|父|親|保護者|祖母|祖父|家族)[^。]{0,6}迎え|迎えを(頼|呼|依頼|お願い)|迎えに来/,
    en: /picked up by (his|her|their) (mother|mum|mom|father|dad|parents?|grand(mother|ma|father|pa))|(mother|mum|mom|father|dad|parents?) (came|comes|come) to (pick|collect)|call(s|ed)? (his|her|their) (mother|mum|mom|father|dad|parents?) to (come|pick|collect)/,
    label: { ja: '保護者に迎えに来てもらう', en: 'a parent comes to pick the student up' },
  },
  {
    id: 'f3_early_leave',
    fn: 'F3',
    role: 'plain',
    weight: 0.6,
    ja: /早退/,
    en: /left early|leaves early|leaving early|went home early|goes home early|early leave/,
    label: { ja: '早退', en: 'leaving school early' },
  },
  {
    id: 'f3_with_parent',
    fn: 'F3',
    role: 'plain',
    weight: 1.2,
    ja: /(母親|母|お母さん|ママ|父親|父|お父さん|パパ|親|保護者)(と|の)(一緒にい|一緒に過ご|そばに|側に|傍に)|(母親|母|お母さん|ママ|父親|父|お父さん|パパ|親)と(過ごしたい|過ごしたが|離れたくな|離れられな|離れるのが)|(母親|母|親)から離れ(たくな|られな|るのが)|家で(母親|母|お母さん|父親|親)と|甘えたい|甘えが/,
    en: /(wants?|wanted|wanting|asks?|asked) to (be|stay) (at home )?with (his|her|their) (mother|mum|mom|father|dad|parents?)|wants? to be with (mum|mom|mother|dad|parents?)|(won't|will not|doesn't want to|refuses to) (leave|let go of) (his|her|their) (mother|mum|mom|father|dad|parents?)|separation|\bcling(s|y|ing)?\b/,
    label: { ja: '保護者と一緒にいたがる', en: 'wants to be with a parent' },
  },
  {
    id: 'f3_calls_home',
    fn: 'F3',
    role: 'plain',
    weight: 0.8,
    ja: /(家|自宅|親|母|父|母親|父親|保護者|お母さん)に(電話|連絡)(したい|したが|をかけ|をしたが|してほし)|家に電話/,
    en: /(asks?|asked|wants?|wanted) to (call|phone|ring) (home|(his|her|their) (mother|mum|mom|father|dad|parents?))|calls? home/,
    label: { ja: '学校から家に電話をしたがる', en: 'asks to call home' },
  },
  {
    id: 'f3_sibling',
    fn: 'F3',
    role: 'plain',
    weight: 0.8,
    ja: /(弟|妹|きょうだい|兄弟|姉妹)が(生まれ|産まれ)|(弟|妹)の誕生|赤ちゃんが(生まれ|産まれ)|(母|母親)が(妊娠|出産)|出産/,
    en: /new (baby|brother|sister|sibling)|baby (brother|sister)|(mother|mum|mom) (is )?(pregnant|had a baby)/,
    label: { ja: 'きょうだいの誕生など家庭の変化', en: 'a new sibling or similar change at home' },
  },
  {
    id: 'f3_brightens',
    fn: 'F3',
    role: 'plain',
    weight: 0.8,
    ja: /(母|母親|父|父親|親|お母さん|保護者)が(来る|来た|迎えに来)と[^。]{0,10}(明るく|元気|笑顔|ほっと|安心)/,
    en: /(brighten|cheer|perk)(s|ed)? up when (his|her|their) (mother|mum|mom|father|dad|parents?)/,
    label: { ja: '保護者が来ると表情が明るくなる', en: 'brightens when a parent arrives' },
  },

  // F4: rewards outside school (DOMAIN.md: night-time gaming, day-night reversal, "school is boring").
  {
    id: 'f4_gaming',
    fn: 'F4',
    role: 'plain',
    weight: 0.5,
    ja: /ゲーム|ネトゲ/,
    en: /\bgam(e|es|ing)\b|video games?/,
    label: { ja: 'ゲームに熱中している', en: 'absorbed in gaming' },
  },
  {
    id: 'f4_night',
    fn: 'F4',
    role: 'night',
    weight: 0.8,
    ja: /夜中|夜遅く|深夜|夜更かし|明け方|朝方まで|午前[0-5一二三四五]時|(夜|深夜|夜中)の?([0-9]{1,2}|[一二三四十]+)時|徹夜|寝るのが遅/,
    en: /up late|stay(s|ed|ing)? up|late at night|until [1-5] ?(am|a\.m\.?)|(all|through the) night|midnight|past [1-5] ?(am|a\.m\.?)/,
    label: { ja: '夜遅くまで起きている', en: 'up late at night' },
  },
  {
    id: 'f4_reversal',
    fn: 'F4',
    role: 'night',
    weight: 1.2,
    ja: /昼夜逆転|昼過ぎまで寝|昼まで寝|夕方まで寝|生活リズムが(乱|崩)/,
    en: /day[- ]night revers|sleeps? (in|during|through) the day|sleeping (all day|until (noon|the afternoon))|(body clock|sleep schedule) (is )?(reversed|upside down)/,
    label: { ja: '昼夜逆転・生活リズムの乱れ', en: 'day-night reversal' },
  },
  {
    id: 'f4_screens',
    fn: 'F4',
    role: 'plain',
    weight: 0.6,
    ja: /スマホ|スマートフォン|携帯|動画|youtube|ユーチューブ|tiktok|sns|タブレット/,
    en: /smartphone|\bphones?\b|\bvideos?\b|youtube|tiktok|social media|screen time/,
    label: { ja: 'スマホや動画に長時間向かう', en: 'long hours on a phone or videos' },
  },
  {
    id: 'f4_boring',
    fn: 'F4',
    role: 'plain',
    weight: 1.0,
    ja: /学校(は|が|って)?[^。]{0,4}(つまらな|面白くな|おもしろくな|楽しくな|退屈|意味がな)|行っても[^。]{0,4}(面白くな|おもしろくな|つまらな|意味がな|楽しくな)|授業(が|は)?[^。]{0,3}(つまらな|退屈)|退屈/,
    en: /school is (boring|pointless|a waste)|\bboring\b|\bbored\b|pointless|no point (in )?going/,
    label: { ja: '「学校はつまらない」という発言', en: 'says school is boring' },
  },
  {
    id: 'f4_home_rewards',
    fn: 'F4',
    role: 'plain',
    weight: 1.0,
    ja: /家(の方|のほう)が(楽|楽しい|いい)|家にいる方が|好きなことが(でき|したい)|自由に(過ごせ|できる)|家でゴロゴロ|家で(ゲーム|動画)/,
    en: /(rather|prefers? to) (stay|be) (at )?home|more fun at home|freedom at home|what (he|she|they) (wants?|likes?) at home/,
    label: { ja: '家で過ごす方が楽しい・楽', en: 'prefers the freedom of home' },
  },
];

/** Avoidance or worry next to a test or event turns a mention into a signal (「テストを欠席」「小テストが不安」). */
export const AVOIDANCE_NEAR_EVALUATION: Phrase = {
  ja: /欠席|休ん|休む|休ま|休み|避け|逃げ|嫌が|いやが|嫌だ|怖|こわ|不安|心配|緊張|眠れな|行きたくな|前に保健室|保健室へ|保健室に(行|来)|苦手/,
  en: /absent|absence|\bmiss(ed|es|ing)?\b|skip|avoid|worr|anxious|nervous|scared|afraid|dread|stay(s|ed)? home/,
};

/** A morning observation (hour < 10) or a note about the morning: somatic complaints weigh more. */
export const MORNING_WORDS: Phrase = { ja: /朝/, en: /morning/ };
