// A tiny RGB drawing surface over pngjs: filled rectangles and bitmap text are all the chart
// needs, so no canvas library (and no native binary or font download) is involved.
import { PNG } from 'pngjs';
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
  const png = new PNG({ width, height });
  const data = png.data;
  // RGBA bytes as little-endian 32-bit words (every platform Node runs on is little-endian).
  const pixels = new Uint32Array(data.buffer, data.byteOffset, width * height);

  function fillRect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    // Clipped to the image, so a miscalculated rectangle can never write outside the buffer.
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(width, Math.floor(x + w));
    const y1 = Math.min(height, Math.floor(y + h));
    if (x1 <= x0) return;
    // One 32-bit write per pixel, a row at a time: a school's digests paint millions of pixels.
    const rgba = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
    for (let row = y0; row < y1; row++) pixels.fill(rgba, row * width + x0, row * width + x1);
  }

  fillRect(0, 0, width, height, background);

  return {
    width,
    height,
    fillRect,
    text(x, y, text, colour, scale) {
      Array.from(drawableText(text)).forEach((ch, index) => {
        const left = x + index * ADVANCE * scale;
        for (let gx = 0; gx < GLYPH_WIDTH; gx++) {
          for (let gy = 0; gy < GLYPH_HEIGHT; gy++) {
            if (glyphPixel(ch, gx, gy)) fillRect(left + gx * scale, y + gy * scale, scale, scale, colour);
          }
        }
      });
    },
    toPng() {
      // RGBA as drawn (no repacking to RGB), unfiltered, at zlib's fastest level: the flat colour
      // blocks still compress to a few KB, and a school's worth of charts encodes in a fraction of
      // the time pngjs's defaults take (all five filters tried per row, level 9).
      const bytes = PNG.sync.write(png, { colorType: 6, inputColorType: 6, inputHasAlpha: true, filterType: 0, deflateStrategy: 0, deflateLevel: 1 });
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}
