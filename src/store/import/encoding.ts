// Schools hand over CSV from whatever their system or Excel produced: UTF-8 (often with a BOM)
// or Shift_JIS (CP932, what Excel in Japan saves as "CSV"). File names carry no reliable hint,
// so the bytes decide. Anything else is refused rather than guessed, because a wrong guess turns
// names and notes into mojibake that would then be stored as if it were true.
import iconv from 'iconv-lite';
import { ImportError } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'shift_jis';

export interface DecodedFile {
  text: string;
  encoding: TextEncoding;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeCsvBytes(file: string, bytes: Uint8Array): DecodedFile {
  if (bytes.length === 0) throw new ImportError({ file }, 'the file is empty (0 bytes); expected a header row');
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    throw new ImportError({ file }, 'the file is UTF-16 text; save it as "CSV UTF-8" or Shift_JIS CSV');
  }
  // Text files never contain NUL; images, spreadsheets (.xlsx) and UTF-16 without a BOM do.
  if (bytes.includes(0)) {
    throw new ImportError({ file }, `the file is binary, not CSV text (NUL byte at offset ${bytes.indexOf(0)}); ${describeBinary(bytes)}`);
  }
  if (startsWith(bytes, UTF8_BOM)) {
    const text = tryUtf8(bytes.subarray(UTF8_BOM.length));
    if (text === undefined) throw new ImportError({ file }, 'the file starts with a UTF-8 BOM but is not valid UTF-8');
    return { text, encoding: 'utf-8-bom' };
  }
  const utf8 = tryUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  // Short EUC-JP text is often also well-formed Shift_JIS (as half-width katakana and rare
  // kanji), while real Shift_JIS Japanese is almost never well-formed EUC-JP: its hiragana and
  // common kanji start with bytes 0x81-0x9F, which EUC-JP does not use.
  if (isEucJp(bytes)) throw new ImportError({ file }, 'the file looks like EUC-JP text; save it as "CSV UTF-8" or Shift_JIS CSV');
  const sjis = tryShiftJis(bytes);
  if (sjis !== undefined) return { text: sjis, encoding: 'shift_jis' };
  throw new ImportError({ file }, 'the file is neither UTF-8 nor Shift_JIS (CP932) text; save it as "CSV UTF-8" from Excel');
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * iconv-lite decodes anything, replacing what it cannot map, so the byte structure is checked
 * first (lead and trail byte ranges of CP932) and any replacement character afterwards.
 */
function tryShiftJis(bytes: Uint8Array): string | undefined {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b <= 0x7f || (b >= 0xa1 && b <= 0xdf)) continue;
    const isLead = (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
    const trail = bytes[i + 1];
    if (!isLead || trail === undefined || trail < 0x40 || trail === 0x7f || trail > 0xfc) return undefined;
    i++;
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'cp932');
  return text.includes('\uFFFD') ? undefined : text;
}

function isEucJp(bytes: Uint8Array): boolean {
  let multibyte = false;
  const isEucByte = (b: number | undefined) => b !== undefined && b >= 0xa1 && b <= 0xfe;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b <= 0x7f) continue;
    multibyte = true;
    if (isEucByte(b) && isEucByte(bytes[i + 1])) i += 1;
    else if (b === 0x8e && bytes[i + 1]! >= 0xa1 && bytes[i + 1]! <= 0xdf) i += 1;
    else if (b === 0x8f && isEucByte(bytes[i + 1]) && isEucByte(bytes[i + 2])) i += 2;
    else return false;
  }
  return multibyte;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const SIGNATURES: [readonly number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'it looks like a PNG image'],
  [[0xff, 0xd8, 0xff], 'it looks like a JPEG image'],
  [[0x25, 0x50, 0x44, 0x46], 'it looks like a PDF'],
  [[0x50, 0x4b, 0x03, 0x04], 'it looks like a ZIP or Excel workbook (.xlsx); save it as CSV'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'it looks like an old Excel workbook (.xls); save it as CSV'],
];

function describeBinary(bytes: Uint8Array): string {
  return SIGNATURES.find(([magic]) => startsWith(bytes, magic))?.[1] ?? 'export it again as CSV';
}
