// Safeguarding comes first (DOMAIN.md): words about self-harm, suicide, wanting to disappear,
// abuse, neglect or violence make a record urgent, whatever else it says. Matching is on
// normalised text (NFKC, lower case, no spaces) so full-width letters and spacing do not hide a
// phrase. A false alarm costs a counselor a minute; a miss can cost far more, so the list leans
// towards recall.

const JAPANESE_PATTERNS: RegExp[] = [
  /死にたい|しにたい|死んでしまいたい|死のうと|死ぬ(しか|つもり)/,
  /消えたい|きえたい|いなくなりたい|居なくなりたい|生きて(いる|る)?意味|生きていたくない|生きるのが(つらい|辛い)/,
  /自殺|自死|自傷|リスカ|リストカット|手首(に|の)(傷|切り傷)|(腕|手首)を切|首をつ|飛び降り|od[しす]|過量服薬|薬を(大量|たくさん)/,
  /虐待|殴られ|叩かれ|蹴られ|たたかれ|なぐられ|暴力|あざ(が|を)|痣|ネグレクト|ご飯を(もらえ|食べさせてもらえ)|食事を(与えられ|もらえ)|家に(入れてもらえ|帰りたくない)|性的(な)?(被害|いたずら)|触られ/,
];

const ENGLISH_PATTERNS: RegExp[] = [
  /\b(want(s|ed)?|wish(es|ed)?|going) to (die|disappear|kill (my|him|her|them)sel(f|ves))\b/,
  /\bsuicid(e|al)\b|\bself[- ]?harm|\bcutting (her|him|them)sel(f|ves)|\bcuts? on (her|his|their) (arm|wrist)s?|\bhurt(ing)? (her|him|them|my)sel(f|ves)\b|\boverdos(e|ed|ing)\b/,
  /\bno reason to live\b|\bbetter off (dead|without me)\b|\bend (it all|my life)\b/,
  /\babuse(d)?\b|\bneglect(ed)?\b|\b(hit|beaten|kicked|punched|slapped) (by|at home)\b|\bbruis(e|es|ed|ing)\b|\bviolence\b|\bnot (being )?fed\b|\bafraid to go home\b/,
];

export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase();
}

/** True when the text speaks of self-harm, suicide, wanting to disappear, abuse, neglect or violence. */
export function mentionsSafeguardingConcern(text: string): boolean {
  const normal = normaliseForMatching(text);
  const compact = normal.replace(/\s+/g, '');
  return JAPANESE_PATTERNS.some((p) => p.test(compact)) || ENGLISH_PATTERNS.some((p) => p.test(normal));
}
