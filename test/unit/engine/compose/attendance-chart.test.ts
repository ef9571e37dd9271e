// The digest's attendance chart: a real PNG, laid out as promised, each cell the colour of its
// status, and never a crash on the odd inputs a school's data produces.
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../../src/domain/school.ts';
import { LEGEND_ORDER, MAX_DAYS, MAX_ROWS, NO_RECORD, STATUS_STYLES, renderAttendanceChart, type AttendanceChartInput } from '../../../../src/engine/compose/attendance-chart.ts';
import { cellBox, layoutChart, type ChartLayout } from '../../../../src/engine/compose/chart/layout.ts';

const WEEK = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20'];

function isoDays(count: number): string[] {
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10));
}

function rowsOf(count: number, days: number, status: AttendanceStatus | null = 'present'): AttendanceChartInput['rows'] {
  return Array.from({ length: count }, (_, i) => ({ label: `S${String(i + 1).padStart(3, '0')}`, statuses: Array.from({ length: days }, () => status) }));
}

function decode(bytes: Uint8Array): PNG {
  return PNG.sync.read(Buffer.from(bytes));
}

function pixel(png: PNG, x: number, y: number): [number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
}

function layoutOf(input: AttendanceChartInput): ChartLayout {
  return layoutChart({ title: input.title, days: input.days, rowLabels: input.rows.map((r) => r.label) });
}

/** A corner of the cell: inside its colour, away from the status letter in the middle. */
function cellColour(png: PNG, layout: ChartLayout, row: number, column: number): [number, number, number] {
  const box = cellBox(layout, row, column);
  return pixel(png, box.x + 1, box.y + 1);
}

function colourCount(png: PNG, rgb: readonly number[]): number {
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === rgb[0] && png.data[i + 1] === rgb[1] && png.data[i + 2] === rgb[2]) count++;
  return count;
}

const luminance = ([r, g, b]: readonly number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;

describe('renderAttendanceChart', () => {
  const week: AttendanceChartInput = { title: '2-1  2026-11-16 - 2026-11-20', days: WEEK, rows: rowsOf(3, 5) };

  it('returns a PNG that decodes, with the size its layout promises', () => {
    const bytes = renderAttendanceChart(week);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const png = decode(bytes);
    const layout = layoutOf(week);
    expect([png.width, png.height]).toEqual([layout.width, layout.height]);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(Buffer.from(renderAttendanceChart(week)).equals(Buffer.from(renderAttendanceChart(week)))).toBe(true);
  });

  it('grows taller with rows and wider with days', () => {
    const size = (rows: number, days: number) => {
      const png = decode(renderAttendanceChart({ title: 'x', days: isoDays(days), rows: rowsOf(rows, days) }));
      return { width: png.width, height: png.height };
    };
    expect(size(10, 5).height).toBeGreaterThan(size(3, 5).height);
    expect(size(3, 20).width).toBeGreaterThan(size(3, 5).width);
    expect(size(3, 31).width).toBeGreaterThan(size(3, 20).width);
  });

  it('paints each cell the colour of its status', () => {
    const input: AttendanceChartInput = { title: 'all statuses', days: isoDays(ATTENDANCE_STATUSES.length), rows: [{ label: 'S001', statuses: [...ATTENDANCE_STATUSES] }] };
    const png = decode(renderAttendanceChart(input));
    const layout = layoutOf(input);
    ATTENDANCE_STATUSES.forEach((status, column) => expect(cellColour(png, layout, 0, column), status).toEqual([...STATUS_STYLES[status].rgb]));
  });

  it('paints cells without a record in a neutral grey, also where a row is shorter than the days', () => {
    const input: AttendanceChartInput = { title: 'gaps', days: WEEK, rows: [{ label: 'S001', statuses: ['absent', null, 'present'] }] };
    const png = decode(renderAttendanceChart(input));
    const layout = layoutOf(input);
    const [r, g, b] = NO_RECORD.rgb;
    expect(r === g && g === b).toBe(true);
    for (const column of [1, 3, 4]) expect(cellColour(png, layout, 0, column)).toEqual([...NO_RECORD.rgb]);
    expect(cellColour(png, layout, 0, 0)).toEqual([...STATUS_STYLES.absent.rgb]);
  });

  it('shows a status it does not know as no record instead of failing', () => {
    const input = { title: 't', days: WEEK.slice(0, 1), rows: [{ label: 'S001', statuses: ['absent_excused' as AttendanceStatus] }] };
    const png = decode(renderAttendanceChart(input));
    expect(cellColour(png, layoutOf(input), 0, 0)).toEqual([...NO_RECORD.rgb]);
  });

  it('draws non-ASCII text as "?" instead of crashing', () => {
    const japanese: AttendanceChartInput = { title: '2年1組 😀', days: WEEK, rows: [{ label: '佐藤 結衣', statuses: ['present'] }] };
    const asQuestionMarks: AttendanceChartInput = { title: '2?1? ?', days: WEEK, rows: [{ label: '?? ??', statuses: ['present'] }] };
    expect(Buffer.from(renderAttendanceChart(japanese)).equals(Buffer.from(renderAttendanceChart(asQuestionMarks)))).toBe(true);
    expect(layoutOf(japanese).rows[0]!.label.text).toBe('?? ??');
  });

  it('says "no data" when there are no rows or no days, with no grid and no legend', () => {
    for (const input of [{ title: '2-1', days: WEEK, rows: [] }, { title: '2-1', days: [], rows: rowsOf(3, 0) }]) {
      const png = decode(renderAttendanceChart(input));
      const layout = layoutOf(input);
      expect(layout.notice?.text).toBe('no data');
      expect(layout.rows).toEqual([]);
      expect(layout.legend).toEqual([]);
      for (const status of ATTENDANCE_STATUSES) expect(colourCount(png, STATUS_STYLES[status].rgb)).toBe(0);
      // Something was written where the notice goes.
      const { x, y } = layout.notice!;
      let ink = 0;
      for (let dx = 0; dx < 80; dx++) for (let dy = 0; dy < 16; dy++) if (luminance(pixel(png, x + dx, y + dy)) < 200) ink++;
      expect(ink).toBeGreaterThan(20);
    }
  });

  it(`shows at most ${MAX_ROWS} students, then a "+N more" line`, () => {
    const height = (rows: number) => decode(renderAttendanceChart({ title: 't', days: WEEK, rows: rowsOf(rows, 5) })).height;
    const layout = layoutOf({ title: 't', days: WEEK, rows: rowsOf(75, 5) });
    expect(layout.rows).toHaveLength(MAX_ROWS);
    expect(layout.rows.at(-1)!.label.text).toBe('S060');
    expect(layout.more?.text).toBe('+15 more');
    expect(layoutOf({ title: 't', days: WEEK, rows: rowsOf(MAX_ROWS, 5) }).more).toBeUndefined();
    expect(height(75)).toBe(height(61));
    expect(height(61)).toBeGreaterThan(height(60));
  });

  it(`shows at most ${MAX_DAYS} days, and says so`, () => {
    const input = { title: 't', days: isoDays(40), rows: rowsOf(2, 40) };
    const layout = layoutOf(input);
    expect(layout.columns).toHaveLength(MAX_DAYS);
    expect(layout.subtitle?.text).toBe(`first ${MAX_DAYS} of 40 days`);
    expect(decode(renderAttendanceChart(input)).width).toBe(decode(renderAttendanceChart({ ...input, days: isoDays(31) })).width);
  });

  it('heads each column with its weekday and day of month', () => {
    const layout = layoutOf(week);
    expect(layout.columns.map((c) => `${c.weekday.text} ${c.day.text}`)).toEqual(['Mo 16', 'Tu 17', 'We 18', 'Th 19', 'Fr 20']);
    expect(layoutOf({ ...week, days: ['not a date'] }).columns[0]!.day.text).toBe('?');
  });
});

describe('the status colours', () => {
  it('cover every status the domain has, each distinct from the others and from no record', () => {
    expect([...LEGEND_ORDER].sort()).toEqual([...ATTENDANCE_STATUSES].sort());
    const hexes = ATTENDANCE_STATUSES.map((s) => STATUS_STYLES[s].hex);
    expect(new Set([...hexes, NO_RECORD.hex]).size).toBe(hexes.length + 1);
    for (const s of ATTENDANCE_STATUSES) expect(STATUS_STYLES[s].hex).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('make absent the strongest (darkest) colour', () => {
    const others = ATTENDANCE_STATUSES.filter((s) => s !== 'absent').map((s) => luminance(STATUS_STYLES[s].rgb));
    expect(luminance(STATUS_STYLES.absent.rgb)).toBeLessThan(Math.min(...others));
  });

  it('mark every status but present with a letter, so the chart reads without colour', () => {
    const letters = ATTENDANCE_STATUSES.filter((s) => s !== 'present').map((s) => STATUS_STYLES[s].letter);
    expect(letters.every((l) => /^[A-Z]$/.test(l))).toBe(true);
    expect(new Set(letters).size).toBe(letters.length);
    expect(STATUS_STYLES.present.letter).toBe('');
  });
});
