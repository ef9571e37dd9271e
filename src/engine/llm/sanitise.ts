// Model output is untrusted text that will be posted to Slack or Discord (SECURITY.md, line 8):
// links, images, broadcast mentions and markup go before anything else looks at it.

/** The rest of a URL: URL characters, not ending in sentence punctuation; never a [F1] citation. */
const URL_TAIL = "[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%]*[A-Za-z0-9\\-_~/#@$&'*+=%]";

/** A host name without a scheme (evil-site, a.b.evil): not the domain of an email address (a@b.jp stays). */
const HOST = '(?<![@A-Za-z0-9._-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
/** Top-level domains a chat client turns into a link even with nothing after them. */
const COMMON_TLDS = 'com|net|org|edu|gov|info|biz|io|co|me|ly|app|dev|ai|xyz|site|online|top|link|club|shop|page|click|jp|ru|cn|tk';

const RULES: [RegExp, string][] = [
  [/!\[[^\]]*\]\([^)]*\)/g, ''], // markdown image
  [/!\[[^\]]*\]\[[^\]]*\]/g, ''], // markdown image, reference style
  [/\[([^\]]*)\]\((?:[^)]*)\)/g, '$1'], // markdown link: keep its words
  [/^\s*\[[^\]]+\]:\s*(?:<|https?:|www\.)\S*.*$/gim, ''], // link reference definition
  [/<(?:https?|ftp|mailto|data|javascript):[^>|]*\|([^>]*)>/gi, '$1'], // Slack link with a label
  [/<[!！@#][^>]*>/g, ''], // <!channel> <!here> <!everyone> <@U123> <#C123> <@&role> <@!id>
  [/<\/?[A-Za-z][^>]*>/g, ''], // HTML, autolinks
  [new RegExp(`\\b(?:https?|ftp)[:：][/／]{2}${URL_TAIL}`, 'gi'), ''], // bare URL (it stops at Japanese text or a citation)
  [new RegExp(`\\b(?:data|javascript):${URL_TAIL}`, 'gi'), ''],
  [new RegExp(`\\bwww\\.${URL_TAIL}`, 'gi'), ''],
  [new RegExp(`${HOST}\\.(?:${COMMON_TLDS})\\b(?:[/?#]${URL_TAIL})?`, 'gi'), ''], // bare domain: Slack and Discord make it a link
  [new RegExp(`${HOST}\\.[a-z]{2,24}[/?#]${URL_TAIL}`, 'gi'), ''], // any domain with a path or query
  [/@(?:everyone|here|channel)\b/gi, ''], // broadcast mentions, wherever they stand
  [/(^|[^A-Za-z0-9_.])@[\p{L}\p{N}_.-]+/gu, '$1'], // @someone (an email address keeps its @)
  [/@(?=[〔[])/g, ''], // @〔職員1〕
  [/^\s{0,3}#{1,6}\s+/gm, ''], // headings
  [/\*\*|__|`+/g, ''], // emphasis, code marks
];

/**
 * Full-width letters, digits and the marks that build links and mentions (ｈｔｔｐ, ＠ｅｖｅｒｙｏｎｅ,
 * ＜！ｃｈａｎｎｅｌ＞) folded to ASCII; Japanese punctuation (。！？（）) is left as the model wrote it.
 */
function foldLookalikes(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A＠＜＞［］＃｜]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** Text with links, images, mentions and markup removed; whitespace tidied. */
export function sanitiseModelText(raw: string): string {
  let text = foldLookalikes(raw).replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
