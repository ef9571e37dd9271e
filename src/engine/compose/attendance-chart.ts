// The digest's attendance chart: a class's students by days, each cell coloured (and lettered)
// by attendance status, as PNG bytes. Drawn in pure JavaScript (pngjs and an embedded bitmap
// font), so it renders the same on any server with nothing downloaded beyond the npm registry.
// Text on the image is ASCII only (student numbers, dates): no font for Japanese can be relied on,
// and a chart without names is safer to forward than one with them.
import type { AttendanceStatus } from '../../domain/school.ts';
import { TEXT_SCALE, cellBox, layoutChart, type ChartLayout } from './chart/layout.ts';
import { BACKGROUND, INK, MUTED_INK, NO_RECORD, STATUS_STYLES, letterColour, type StatusStyle } from './chart/palette.ts';
import { createRaster, type Raster } from './chart/raster.ts';
import { textHeight, textWidth } from './chart/font-5x7.ts';

export { LEGEND_ORDER, NO_RECORD, STATUS_STYLES, type StatusStyle } from './chart/palette.ts';
export { MAX_DAYS, MAX_ROWS } from './chart/layout.ts';

export type ChartStatus = AttendanceStatus;

export interface AttendanceChartInput {
  /** ASCII, e.g. "2-1  2026-11-16 - 2026-11-20"; anything else is drawn as '?'. */
  title: string;
  /** ISO dates, one per column (the school days of the week or month). */
  days: string[];
  /** One per student: an ASCII label (e.g. "S002") and a status per day; null = no record. */
  rows: { label: string; statuses: (ChartStatus | null)[] }[];
}

/** A status the palette does not know (data from a newer schema) is shown as no record. */
function styleOf(status: ChartStatus | null): StatusStyle {
  return (status && STATUS_STYLES[status]) || NO_RECORD;
}

/** A coloured box with its status letter centred in it. */
function paintSwatch(raster: Raster, box: { x: number; y: number; w: number; h: number }, style: StatusStyle): void {
  raster.fillRect(box.x, box.y, box.w, box.h, style.rgb);
  if (!style.letter) return;
  const x = box.x + Math.floor((box.w - textWidth(style.letter, TEXT_SCALE)) / 2);
  const y = box.y + Math.floor((box.h - textHeight(TEXT_SCALE)) / 2);
  raster.text(x, y, style.letter, letterColour(style.rgb), TEXT_SCALE);
}

function paintLegend(raster: Raster, layout: ChartLayout): void {
  const size = layout.swatchSize;
  for (const entry of layout.legend) {
    paintSwatch(raster, { x: entry.x, y: entry.y, w: size, h: size }, styleOf(entry.status));
    raster.text(entry.x + size + 6, entry.y + Math.floor((size - textHeight(TEXT_SCALE)) / 2), entry.text, INK, TEXT_SCALE);
  }
}

/** PNG bytes of the chart. Never throws on odd input: non-ASCII text, ragged rows, no rows. */
export function renderAttendanceChart(input: AttendanceChartInput): Uint8Array {
  const layout = layoutChart({ title: input.title, days: input.days, rowLabels: input.rows.map((r) => r.label) });
  const raster = createRaster(layout.width, layout.height, BACKGROUND);
  const { title, subtitle, notice, more } = layout;
  raster.text(title.x, title.y, title.text, INK, TEXT_SCALE);
  if (subtitle) raster.text(subtitle.x, subtitle.y, subtitle.text, MUTED_INK, TEXT_SCALE);
  if (notice) raster.text(notice.x, notice.y, notice.text, MUTED_INK, TEXT_SCALE);

  for (const column of layout.columns) {
    raster.text(column.weekday.x, column.weekday.y, column.weekday.text, MUTED_INK, TEXT_SCALE);
    raster.text(column.day.x, column.day.y, column.day.text, INK, TEXT_SCALE);
  }
  layout.rows.forEach((row, r) => {
    raster.text(row.label.x, row.label.y, row.label.text, INK, TEXT_SCALE);
    // A row shorter than the days has no record for the rest; a longer one is cut to the days.
    layout.columns.forEach((_, c) => paintSwatch(raster, cellBox(layout, r, c), styleOf(input.rows[r]!.statuses[c] ?? null)));
  });
  if (more) raster.text(more.x, more.y, more.text, MUTED_INK, TEXT_SCALE);
  paintLegend(raster, layout);
  return raster.toPng();
}
