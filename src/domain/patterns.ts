// Building regular expressions from vocabulary lists (each entry itself a regex source).

/** A regular expression that matches any of the alternatives. */
export function anyOf(alternatives: readonly string[], flags = 'iu'): RegExp {
  return new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), flags);
}
