// A 5x7 bitmap font for printable ASCII (plus one row below for the descenders of g j p q y),
// embedded so the chart draws text the same way on every machine: a school server may have no
// fonts at all, and font files would be one more download. Glyphs are the classic public-domain
// 5x7 LCD shapes: five columns per glyph, bit 0 the top row.
// Anything outside printable ASCII (a Japanese name, an emoji) is drawn as '?', never a crash.

const FIRST = 0x20;
const LAST = 0x7e;

/** Columns per glyph for ' ' (0x20) through '~' (0x7e), five hex bytes each. */
const GLYPHS = [
  '0000000000', '00005f0000', '0007000700', '147f147f14', '242a7f2a12', '2313086462', '3649552250', '0005030000', // space ! " # $ % & '
  '001c224100', '0041221c00', '14083e0814', '08083e0808', '0050300000', '0808080808', '0060600000', '2010080402', // ( ) * + , - . /
  '3e5149453e', '00427f4000', '4261514946', '2141454b31', '1814127f10', '2745454539', '3c4a494930', '0171090503', // 0-7
  '3649494936', '064949291e', '0036360000', '0056360000', '0814224100', '1414141414', '0041221408', '0201510906', // 8 9 : ; < = > ?
  '324979413e', '7e1111117e', '7f49494936', '3e41414122', '7f4141221c', '7f49494941', '7f09090901', '3e4149497a', // @ A-G
  '7f0808087f', '00417f4100', '2040413f01', '7f08142241', '7f40404040', '7f020c027f', '7f0408107f', '3e4141413e', // H-O
  '7f09090906', '3e4151215e', '7f09192946', '4649494931', '01017f0101', '3f4040403f', '1f2040201f', '3f4038403f', // P-W
  '6314081463', '0708700807', '6151494543', '007f414100', '0204081020', '0041417f00', '0402010204', '4040404040', // X Y Z [ \ ] ^ _
  '0001020400', '2054545478', '7f48444438', '3844444420', '384444487f', '3854545418', '087e090102', '18a4a4a47c', // ` a-g
  '7f08040478', '00447d4000', '4080847d00', '007f102844', '00417f4000', '7c04180478', '7c08040478', '3844444438', // h-o
  'fc24242418', '18242424fc', '7c08040408', '4854545420', '043f444020', '3c4040207c', '1c2040201c', '3c4030403c', // p-w
  '4428102844', '1ca0a0a07c', '4464544c44', '0008364100', '00007f0000', '0041360800', '1008081008', // x y z { | } ~
];

export const GLYPH_WIDTH = 5;
/** Seven rows for capitals and digits, an eighth for descenders. */
export const GLYPH_HEIGHT = 8;
/** One blank column between characters. */
export const ADVANCE = GLYPH_WIDTH + 1;

/** The text as the font can draw it: every character outside printable ASCII becomes '?'. */
export function drawableText(text: string): string {
  // Array.from walks code points, so one emoji (two UTF-16 units) is one '?', not two.
  return Array.from(text, (ch) => {
    const code = ch.codePointAt(0)!;
    return code >= FIRST && code <= LAST ? ch : '?';
  }).join('');
}

/** Width in pixels of `text` drawn at `scale`, without the trailing blank column. */
export function textWidth(text: string, scale: number): number {
  const length = Array.from(text).length;
  return length === 0 ? 0 : (length * ADVANCE - 1) * scale;
}

export function textHeight(scale: number): number {
  return GLYPH_HEIGHT * scale;
}

/** The glyphs' columns as numbers, parsed once: the chart asks for tens of thousands of pixels. */
const COLUMNS = Uint8Array.from(GLYPHS.flatMap((glyph) => Array.from({ length: GLYPH_WIDTH }, (_, x) => Number.parseInt(glyph.slice(x * 2, x * 2 + 2), 16))));
const QUESTION_MARK = '?'.charCodeAt(0) - FIRST;

/** Whether the glyph for `ch` has ink at column `x`, row `y` (both within the 5x7 box). */
export function glyphPixel(ch: string, x: number, y: number): boolean {
  const code = ch.codePointAt(0) ?? FIRST;
  const glyph = code >= FIRST && code <= LAST ? code - FIRST : QUESTION_MARK;
  return ((COLUMNS[glyph * GLYPH_WIDTH + x]! >> y) & 1) === 1;
}
