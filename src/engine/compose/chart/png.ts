// A PNG encoder for palette images, on node:zlib. The chart has a dozen flat colours, so one byte
// of palette index per pixel carries it exactly: a quarter of the bytes RGBA needs, which is what
// deflate's time follows. pngjs (which the tests use to read the images back) writes only
// grey and RGB(A), and its per-byte JavaScript passes cost more than the compression itself:
// a school's 79 charts took 0.44 s to encode that way, this way about 0.05 s.
import { deflateSync } from 'node:zlib';
import type { Rgb } from './raster.ts';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const COLOUR_TYPE_PALETTE = 3;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** length, type, data, CRC of type and data (PNG spec section 5.3). */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * An 8-bit palette PNG. `indices` holds one palette index per pixel, row by row; every index must
 * be below `palette.length` (at most 256). The same input always gives the same bytes.
 */
export function encodeIndexedPng(width: number, height: number, indices: Uint8Array, palette: readonly Rgb[]): Uint8Array {
  if (palette.length < 1 || palette.length > 256) throw new RangeError(`a PNG palette holds 1 to 256 colours, not ${palette.length}`);
  if (indices.length !== width * height) throw new RangeError(`expected ${width * height} pixels, got ${indices.length}`);

  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, COLOUR_TYPE_PALETTE, 0, 0, 0], 8); // bit depth, colour type, deflate, filter set 0, no interlace

  const plte = new Uint8Array(palette.length * 3);
  palette.forEach(([r, g, b], i) => plte.set([r, g, b], i * 3));

  // Each row starts with its filter type; 0 (none) suits flat colour blocks, which deflate well.
  const rows = new Uint8Array(height * (width + 1));
  for (let y = 0; y < height; y++) rows.set(indices.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  const idat = deflateSync(rows, { level: 3 });

  const parts = [SIGNATURE, chunk('IHDR', header), chunk('PLTE', plte), chunk('IDAT', idat), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
