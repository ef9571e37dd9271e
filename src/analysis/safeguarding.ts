// Safeguarding comes first (DOMAIN.md): words about self-harm, suicide, wanting to disappear,
// abuse, neglect or violence make a record urgent, whatever else it says. Matching is on
// normalised text (NFKC, lower case, no spaces) so full-width letters and spacing do not hide a
// phrase. A false alarm costs a counselor a minute; a miss can cost far more, so the list leans
// towards recall.

const JAPANESE_PATTERNS: RegExp[] = [
  // Suicide and wanting to die.
  /死にたい|しにたい|タヒりたい|死んでしまいたい|死んじゃいたい|死のうと|死ぬ(しか|つもり|方法)|死んだ(方|ほう)が(いい|まし|楽)|死ねば(いい|楽)|死にたく(なる|なった)|自殺|自死|首を(つ|吊|くく)|首吊り|飛び降り|遺書|命を絶/,
  // Wanting to disappear, not wanting to live.
  /消えたい|きえたい|消えてしまいたい|消えちゃいたい|消えてなくなりたい|いなくなりたい|居なくなりたい|いなくなれば|生まれてこなければ|生きて(いる|る|いく|く)?意味|生きていたくない|生きてても|生きるのが(つらい|辛い|しんどい|嫌)|楽になりたい|(自分|私|僕|俺)(なんか|なんて)?(い|居)ない(ほう|方)がいい|いなくても(いい|誰も)|誰も(悲しまない|気にしない|困らない)|もう(限界|疲れた)(?=.{0,10}(生き|死|消え))/,
  // Self-harm.
  /自傷|リスカ|リストカット|アムカ|切った(跡|あと|痕)|ためらい傷|手首[^。]{0,15}(傷|切った|切り)|手首(に|の)(傷|切り傷|跡|あと)|(腕|手首|足|太もも)(に|の)(切り傷|傷跡|傷あと|ためらい傷|自傷|複数の傷|線状の傷)|(腕|手首|足|太もも)に傷|(腕|手首|自分)を切|自分(を|で)(傷つけ|切|叩|殴)|自分の体を傷|カッターで(腕|手首|自分)|od[しす]|オーバードーズ|過量服薬|薬を(大量|たくさん|ため|溜め)|髪を抜/,
  // Abuse, violence and neglect.
  /虐待|殴られ|なぐられ|叩かれ|たたかれ|蹴られ|暴力|暴行|殴る蹴る|手を(あげ|上げ)られ|あざ(?!やか|とい|とく|け|む|らし)|アザ|痣|やけどの跡|火傷の跡|タバコを押し付け|ネグレクト|育児放棄|ご飯を(もらえ|食べさせてもらえ|作ってもらえ)|食事を(与えられ|もらえ|抜かれ|させてもらえ)|(何も|ほとんど|まともに)(食べて|食べさせて)(いない|もらって)|食べるものがない|(食事|ご飯|ごはん|夕飯|晩ご飯)が(出|で)ない|(家に|家で)?(ご飯|ごはん|食べ物)がない|(食事|ご飯)を(用意|作)ってもらえ|給食(だけ|しか)(が)?(食事|頼り|まとも)|風呂に入れてもらえ|家に(入れてもらえ|帰りたくない|帰れない|居場所がない)|(家|親|父|母|義父|継父)が怖|帰るのが怖|締め出され|閉じ込められ|置き去り|性的(な)?(被害|虐待|いたずら|暴力)|(体|身体|胸|お尻|下着|服の中)を触られ|無理やり触|わいせつ|(殺す|殺される|殺され)/,
];

const ENGLISH_PATTERNS: RegExp[] = [
  /\b(want(s|ed)?|wish(es|ed)?|going|trying|tried|plan(s|ned)?|thinking about|thought about|talk(s|ed|ing)? about|threaten(s|ed|ing)?) to (die|disappear|vanish|kill (my|him|her|them)sel(f|ves)|end (it|my life|(his|her|their) life)|hurt (my|him|her|them)sel(f|ves))\b/,
  /\bkill(ing|ed)? (my|him|her|them)sel(f|ves)\b|\bsuicid(e|al)\b|\bself[- ]?harm|\bcut(ting|s)? (her|him|them|my)sel(f|ves)|\bcuts? on (her|his|their|my) (arm|wrist|leg|thigh)s?|\b(scars|marks|cuts) on (her|his|their) (arms?|wrists?|legs?|thighs?)\b|\bhurt(ing|s)? (her|him|them|my)sel(f|ves)\b|\boverdos(e|ed|ing)\b|\bhang(ing)? (him|her|them|my)sel(f|ves)\b/,
  /\bno reason to live\b|\bbetter off (dead|without me)\b|\bend (it all|my life)\b|\b(doesn'?t|does not|don'?t|do not|didn'?t|did not) want to (live|be alive|exist)\b|\bwish(es|ed)? (s?he|they|i) (was|were|had never been) (dead|born)\b|\bwish(es|ed)? (s?he|they|i) could (just )?disappear\b|\bno point (in |of )?(living|being alive|going on)\b|\b(doesn'?t|does not|don'?t|do not|can'?t|cannot|didn'?t|did not) see (the|any) point (in |of )(living|life|being alive|going on)\b|\bwhat'?s the point (in |of )(living|being alive|life)\b|\b(tired|sick) of (living|life|being alive)\b|\bnot worth living\b|\b(nobody|no one|no-one) (would|will|'d) (care|notice|miss (her|him|me|them))\b|\b(everyone|everybody) (would|will|'d) be better off\b|\bbetter off without (me|her|him|them)\b|\bwish\w*\b[^.]{0,25}\b(never (been )?born|(wasn'?t|weren'?t|hadn'?t been|had not been) born|dead)\b/,
  /\babus(e|ed|ive)\b|\bneglect(ed)?\b|\b(hit|hits|hitting|beaten|kicked|kicks|punched|punches|slapped|slaps|smacked|choked|strangled) (by|at home)\b|\b(father|dad|mother|mum|mom|stepfather|stepdad|stepmother|parents?|brother|uncle|boyfriend) (hits|hit|beats|beat|kicks|kicked|punches|punched|slaps|slapped|hurts|hurt) (her|him|them)\b|\bbruis(e|es|ed|ing)\b|\bviolence\b|\bviolent (towards?|at home|father|dad|mother|mum|mom|stepfather|parents?|brother)\b|(\bnot|n't|\bnever) (being |getting |been )?(fed|given (food|meals|anything to eat))\b|\b(no|nothing to eat|no food) (at home|in the house)\b|\bnothing to eat\b|\b(hasn'?t|has not|had not|hadn'?t) eaten (for|in) (days|\d+ days)\b|\b(afraid|scared|frightened|terrified) (to go|of going) home\b|\b(doesn'?t|does not|didn'?t|did not) want to go home\b|\blocked out of (the )?(house|home)\b|\blocked in (a|the|her|his|their) (room|cupboard|closet|bathroom)\b|\btouched (her|him|them) inappropriately\b|\bsexual(ly)? (abuse|assault|abused|assaulted)\b|\bburn marks\b|\bthreatened to kill\b/,
];

/**
 * Phrases that contain alarm words but are everyday speech: 死ぬほど楽しかった ("so much fun I could
 * die"), 死ぬかと思った, 肩を叩かれ (a tap on the shoulder), 手を叩いて (clapping). They are blanked out
 * before matching, so a real concern elsewhere in the same text still counts.
 */
const JAPANESE_IDIOMS = /死ぬほど|死ぬかと思|死ぬ気で|必死|肩を(叩|たた)(かれ|い)|手を(叩|たた)|(ドア|扉|背中を軽く)(を)?(叩|たた)|拍手|ボールが(当た|ぶつか)/g;
const ENGLISH_IDIOMS = /\b(dying to|to die for|died laughing|bored to death|scared to death)\b/g;

export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase();
}

/** True when the text speaks of self-harm, suicide, wanting to disappear, abuse, neglect or violence. */
export function mentionsSafeguardingConcern(text: string): boolean {
  const normal = normaliseForMatching(text).replace(ENGLISH_IDIOMS, ' ');
  const compact = normal.replace(/\s+/g, '').replace(JAPANESE_IDIOMS, '・');
  return JAPANESE_PATTERNS.some((p) => p.test(compact)) || ENGLISH_PATTERNS.some((p) => p.test(normal));
}
