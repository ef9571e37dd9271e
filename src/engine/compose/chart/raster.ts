// A tiny drawing surface for the chart: filled rectangles and bitmap text are all the chart
// needs, so no canvas library (and no native binary or font download) is involved.
import { encodeIndexedPng } from './png.ts';
import { ADVANCE, drawableText, GLYPH_HEIGHT, GLYPH_WIDTH, glyphPixel } from './font-5x7.ts';

export type Rgb = readonly [number, number, number];

export interface Raster {
  readonly width: number;
  readonly height: number;
  fillRect(x: number, y: number, w: number, h: number, colour: Rgb): void;
  /** Draws `text` (non-ASCII shown as '?') with its top-left corner at x, y. */
  text(x: number, y: number, text: string, colour: Rgb, scale: number): void;
  /** The image as PNG bytes; the same drawing always gives the same bytes. */
  toPng(): Uint8Array;
}

export function createRaster(width: number, height: number, background: Rgb): Raster {
  // One palette index per pixel: the chart uses a dozen colours, and indices encode four times
  // smaller than RGBA (see png.ts).
  const pixels = new Uint8Array(width * height);
  const palette: Rgb[] = [];
  const indexOf = new Map<number, number>();

  function paletteIndex([r, g, b]: Rgb): number {
    const key = (r << 16) | (g << 8) | b;
    let index = indexOf.get(key);
    if (index === undefined) {
      if (palette.length === 256) throw new RangeError('the chart uses more than 256 colours');
      index = palette.length;
      palette.push([r, g, b]);
      indexOf.set(key, index);
    }
    return index;
  }

  /** Clipped to the image, so a miscalculated rectangle can never write outside the buffer. */
  function fillIndex(x: number, y: number, w: number, h: number, index: number): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(width, Math.floor(x + w));
    const y1 = Math.min(height, Math.floor(y + h));
    if (x1 <= x0) return;
    for (let row = y0; row < y1; row++) pixels.fill(index, row * width + x0, row * width + x1);
  }

  const fillRect = (x: number, y: number, w: number, h: number, colour: Rgb) => fillIndex(x, y, w, h, paletteIndex(colour));

  fillRect(0, 0, width, height, background);

  return {
    width,
    height,
    fillRect,
    text(x, y, text, colour, scale) {
      const ink = paletteIndex(colour);
      Array.from(drawableText(text)).forEach((ch, position) => {
        const left = x + position * ADVANCE * scale;
        for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
          for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
            if (glyphPixel(ch, gx, gy)) fillIndex(left + gx * scale, y + gy * scale, scale, scale, ink);
          }
        }
      });
    },
    toPng: () => encodeIndexedPng(width, height, pixels, palette),
  };
}
