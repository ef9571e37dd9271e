// Hepburn romanisation of a hiragana reading, for English-language notes ("Yui says ...") and
// demo e-mail addresses. Long vowels are written short (ゆうと -> Yuto), as on passports.
const BASE: Record<string, string> = {
  あ: 'a', い: 'i', う: 'u', え: 'e', お: 'o', か: 'ka', き: 'ki', く: 'ku', け: 'ke', こ: 'ko',
  さ: 'sa', し: 'shi', す: 'su', せ: 'se', そ: 'so', た: 'ta', ち: 'chi', つ: 'tsu', て: 'te', と: 'to',
  な: 'na', に: 'ni', ぬ: 'nu', ね: 'ne', の: 'no', は: 'ha', ひ: 'hi', ふ: 'fu', へ: 'he', ほ: 'ho',
  ま: 'ma', み: 'mi', む: 'mu', め: 'me', も: 'mo', や: 'ya', ゆ: 'yu', よ: 'yo',
  ら: 'ra', り: 'ri', る: 'ru', れ: 're', ろ: 'ro', わ: 'wa', を: 'o', ん: 'n',
  が: 'ga', ぎ: 'gi', ぐ: 'gu', げ: 'ge', ご: 'go', ざ: 'za', じ: 'ji', ず: 'zu', ぜ: 'ze', ぞ: 'zo',
  だ: 'da', ぢ: 'ji', づ: 'zu', で: 'de', ど: 'do', ば: 'ba', び: 'bi', ぶ: 'bu', べ: 'be', ぼ: 'bo',
  ぱ: 'pa', ぴ: 'pi', ぷ: 'pu', ぺ: 'pe', ぽ: 'po',
};
const SMALL: Record<string, string> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };

export function toRomaji(kana: string): string {
  let out = '';
  let doubleNext = false;
  for (let i = 0; i < kana.length; i++) {
    const ch = kana[i] as string;
    if (ch === 'っ') {
      doubleNext = true;
      continue;
    }
    let syllable = BASE[ch] ?? '';
    const small = SMALL[kana[i + 1] ?? ''];
    if (small && syllable) {
      // きゃ -> kya, しゃ -> sha, じゃ -> ja, ちゃ -> cha
      syllable = /^(sh|ch|j)/.test(syllable) ? syllable.slice(0, -1) + small : syllable.slice(0, -1) + 'y' + small;
      i++;
    }
    if (doubleNext && syllable) syllable = (syllable.startsWith('ch') ? 't' : syllable[0]) + syllable;
    doubleNext = false;
    out += syllable;
  }
  const short = out.replace(/ou/g, 'o').replace(/uu/g, 'u').replace(/oo/g, 'o');
  return short.charAt(0).toUpperCase() + short.slice(1);
}
