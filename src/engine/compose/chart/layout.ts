// Where everything on the attendance chart goes, computed before anything is drawn, so the
// renderer only paints and tests can find a cell's pixels without guessing.
import type { AttendanceStatus } from '../../../domain/school.ts';
import { drawableText, textHeight, textWidth } from './font-5x7.ts';
import { LEGEND_ORDER, NO_RECORD, STATUS_STYLES } from './palette.ts';

/** Enough for a class of 40 with room to spare; a longer image would be unreadable in chat. */
export const MAX_ROWS = 60;
/** A month of days. */
export const MAX_DAYS = 31;
/** Row labels are ids like "S002"; anything longer is cut, the grid must stay the focus. */
export const MAX_LABEL_CHARS = 10;
/** Titles are one line of ASCII; a runaway one must not make the image kilometres wide. */
export const MAX_TITLE_CHARS = 70;

export const TEXT_SCALE = 2;
/** Wide enough for a two-letter weekday with space either side. */
export const CELL_WIDTH = 32;
export const CELL_HEIGHT = 22;
/** White space between cells, part of each cell's box (the painted area is smaller). */
export const CELL_GAP = 2;
const MARGIN = 16;
const LINE = textHeight(TEXT_SCALE);
const SWATCH = 18;
const MIN_CONTENT_WIDTH = 360;

export interface Placed {
  x: number;
  y: number;
  text: string;
}

export interface LegendEntry {
  x: number;
  y: number;
  status: AttendanceStatus | null;
  text: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  title: Placed;
  /** Said when days were cut to MAX_DAYS. */
  subtitle?: Placed;
  /** Set instead of a grid when there is nothing to draw. */
  notice?: Placed;
  /** Per shown day: where its column starts, and its two header lines. */
  columns: { x: number; weekday: Placed; day: Placed }[];
  /** Per shown row: its top edge and its label. */
  rows: { y: number; label: Placed }[];
  /** "+N more" under the grid when rows were cut to MAX_ROWS. */
  more?: Placed;
  legend: LegendEntry[];
  swatchSize: number;
}

export interface ChartShape {
  title: string;
  days: readonly string[];
  rowLabels: readonly string[];
}

const WEEKDAYS = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];

/** Day of month and weekday of an ISO date, read in UTC so the server's zone cannot shift them. */
export function dayHeader(iso: string): { weekday: string; day: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return { weekday: '?', day: '?' };
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return { weekday: '?', day: '?' };
  return { weekday: WEEKDAYS[date.getUTCDay()]!, day: String(date.getUTCDate()) };
}

function clip(text: string, max: number): string {
  const chars = Array.from(drawableText(text));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 2).join('')}..`;
}

/** The legend's swatches and words, wrapped to `width`; returns its entries and its height. */
function layoutLegend(left: number, top: number, width: number): { entries: LegendEntry[]; height: number } {
  const items: { status: AttendanceStatus | null; text: string }[] = [
    ...LEGEND_ORDER.map((status) => ({ status, text: STATUS_STYLES[status].legend })),
    { status: null, text: NO_RECORD.legend },
  ];
  const entries: LegendEntry[] = [];
  let x = left;
  let y = top;
  for (const item of items) {
    const itemWidth = SWATCH + 6 + textWidth(item.text, TEXT_SCALE);
    if (x > left && x + itemWidth > left + width) {
      x = left;
      y += SWATCH + 8;
    }
    entries.push({ x, y, ...item });
    x += itemWidth + 18;
  }
  return { entries, height: y - top + SWATCH };
}

export function layoutChart(shape: ChartShape): ChartLayout {
  const title = clip(shape.title, MAX_TITLE_CHARS);
  const days = shape.days.slice(0, MAX_DAYS);
  const shownRows = shape.rowLabels.slice(0, MAX_ROWS).map((label) => clip(label, MAX_LABEL_CHARS));
  const hiddenRows = shape.rowLabels.length - shownRows.length;
  const empty = days.length === 0 || shownRows.length === 0;

  const labelWidth = Math.max(textWidth('+999 more', TEXT_SCALE), ...shownRows.map((l) => textWidth(l, TEXT_SCALE))) + 12;
  const gridWidth = empty ? 0 : labelWidth + days.length * CELL_WIDTH;
  const contentWidth = Math.max(MIN_CONTENT_WIDTH, textWidth(title, TEXT_SCALE), gridWidth);

  let y = MARGIN;
  const titlePlaced = { x: MARGIN, y, text: title };
  y += LINE + 8;
  let subtitle: Placed | undefined;
  if (shape.days.length > MAX_DAYS) {
    subtitle = { x: MARGIN, y, text: `first ${MAX_DAYS} of ${shape.days.length} days` };
    y += LINE + 8;
  }

  if (empty) {
    const notice = { x: MARGIN, y: y + 8, text: 'no data' };
    return { width: contentWidth + 2 * MARGIN, height: notice.y + LINE + MARGIN, title: titlePlaced, ...(subtitle ? { subtitle } : {}), notice, columns: [], rows: [], legend: [], swatchSize: SWATCH };
  }

  y += 8;
  const gridLeft = MARGIN + labelWidth;
  const centred = (x: number, text: string) => x + Math.floor((CELL_WIDTH - CELL_GAP - textWidth(text, TEXT_SCALE)) / 2);
  const columns = days.map((iso, i) => {
    const x = gridLeft + i * CELL_WIDTH;
    const { weekday, day } = dayHeader(iso);
    return { x, weekday: { x: centred(x, weekday), y, text: weekday }, day: { x: centred(x, day), y: y + LINE + 4, text: day } };
  });
  y += 2 * LINE + 4 + 8;

  const textOffset = Math.floor((CELL_HEIGHT - CELL_GAP - LINE) / 2);
  const rows = shownRows.map((label, i) => {
    const top = y + i * CELL_HEIGHT;
    return { y: top, label: { x: MARGIN, y: top + textOffset, text: label } };
  });
  y += rows.length * CELL_HEIGHT;
  let more: Placed | undefined;
  if (hiddenRows > 0) {
    more = { x: MARGIN, y: y + textOffset, text: `+${hiddenRows} more` };
    y += CELL_HEIGHT;
  }

  const legend = layoutLegend(MARGIN, y + 16, contentWidth);
  y += 16 + legend.height;
  return {
    width: contentWidth + 2 * MARGIN,
    height: y + MARGIN,
    title: titlePlaced,
    ...(subtitle ? { subtitle } : {}),
    columns,
    rows,
    ...(more ? { more } : {}),
    legend: legend.entries,
    swatchSize: SWATCH,
  };
}

/** The painted box of one cell (inside the gap), for drawing and for tests reading pixels. */
export function cellBox(layout: ChartLayout, row: number, column: number): { x: number; y: number; w: number; h: number } {
  const c = layout.columns[column];
  const r = layout.rows[row];
  if (!c || !r) throw new RangeError(`no cell at row ${row}, column ${column}`);
  return { x: c.x, y: r.y, w: CELL_WIDTH - CELL_GAP, h: CELL_HEIGHT - CELL_GAP };
}
