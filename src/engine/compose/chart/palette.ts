// Colours of the attendance chart. Built on the Okabe-Ito palette, which stays distinguishable
// with the common colour-vision deficiencies; every status also carries a letter in its cell, so
// the chart reads without colour at all (printed in grey, or for a colour-blind teacher).
// Absent is the darkest and most saturated: it is what a teacher scans the grid for.
import type { AttendanceStatus } from '../../../domain/school.ts';
import type { Rgb } from './raster.ts';

export interface StatusStyle {
  /** `#rrggbb`, for a text legend next to the image. */
  hex: string;
  rgb: Rgb;
  /** Drawn inside the cell; empty for present, so the exceptions stand out. */
  letter: string;
  /** Short ASCII word for the image's own legend. */
  legend: string;
}

function rgbOf(hex: string): Rgb {
  return [Number.parseInt(hex.slice(1, 3), 16), Number.parseInt(hex.slice(3, 5), 16), Number.parseInt(hex.slice(5, 7), 16)];
}

function style(hex: string, letter: string, legend: string): StatusStyle {
  return { hex, rgb: rgbOf(hex), letter, legend };
}

export const STATUS_STYLES: Readonly<Record<AttendanceStatus, StatusStyle>> = {
  // A light tint of Okabe-Ito bluish green: the usual case should be calm, not loud.
  present: style('#8ccfb9', '', 'present'),
  late: style('#f0e442', 'L', 'late'),
  early_leave: style('#e69f00', 'E', 'early leave'),
  nurse_office: style('#cc79a7', 'N', 'nurse office'),
  separate_room: style('#56b4e9', 'S', 'separate room'),
  online: style('#0072b2', 'O', 'online'),
  // Okabe-Ito vermillion, darkened so it is the strongest cell of the grid in hue and lightness.
  absent: style('#b23a00', 'A', 'absent'),
};

/** The legend follows the attendance ladder (DOMAIN.md): from present down to absent. */
export const LEGEND_ORDER: readonly AttendanceStatus[] = ['present', 'late', 'early_leave', 'nurse_office', 'separate_room', 'online', 'absent'];

/** A cell without a record (no entry, or not a school day): neutral, carrying no status. */
export const NO_RECORD = style('#e4e4e4', '', 'no record');

export const BACKGROUND: Rgb = [255, 255, 255];
export const INK: Rgb = [34, 34, 34];
export const MUTED_INK: Rgb = [110, 110, 110];

function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Black or white, whichever contrasts more with `background` (WCAG contrast ratio). */
export function letterColour(background: Rgb): Rgb {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? [0, 0, 0] : [255, 255, 255];
}
