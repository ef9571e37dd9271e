// Discord rejects message content over 2000 characters, and an answer (a digest, a case history)
// can be longer. Splitting at line breaks keeps each list item and paragraph readable.

export const MESSAGE_CONTENT_MAX = 2000;

/**
 * Pieces of at most `limit` UTF-16 units (Discord counts characters, which is never more), cut at
 * the last line break, else the last space, else anywhere but inside a surrogate pair.
 */
export function splitText(text: string, limit = MESSAGE_CONTENT_MAX): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const window = rest.slice(0, limit + 1);
    let cut = window.lastIndexOf('\n');
    if (cut <= 0) cut = window.lastIndexOf(' ');
    if (cut <= 0) {
      cut = limit;
      // Never separate the halves of an emoji or a rare kanji.
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const piece = rest.slice(0, cut).trimEnd();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest) pieces.push(rest);
  return pieces.length ? pieces : [''];
}
