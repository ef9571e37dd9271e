// Japanese national holidays (国民の祝日に関する法律) for one calendar year, computed rather than
// tabulated so the demo works for whatever year `now` falls in. Rules: fixed dates, the
// happy-Monday rule (nth Monday), equinoxes by the standard approximation valid for 1980-2099,
// substitute holidays (振替休日: a holiday on Sunday moves to the next non-holiday) and citizens'
// holidays (国民の休日: an ordinary day between two holidays). 2020 and 2021 moved three
// holidays for the Olympics; those years are written out.
import { addDays, weekday } from '../../domain/dates.ts';

export interface Holiday {
  date: string;
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The date of the nth Monday of a month (n from 1). */
function nthMonday(year: number, month: number, n: number): string {
  const first = ymd(year, month, 1);
  const offset = (8 - weekday(first)) % 7;
  return addDays(first, offset + 7 * (n - 1));
}

/** 春分日 / 秋分日 by the formula used for the official forecast (valid 1980-2099). */
export function equinoxDay(year: number, kind: 'vernal' | 'autumnal'): number {
  const base = kind === 'vernal' ? 20.8431 : 23.2488;
  return Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

function statutoryHolidays(y: number): Holiday[] {
  const list: Holiday[] = [
    { date: ymd(y, 1, 1), label: '元日' },
    { date: nthMonday(y, 1, 2), label: '成人の日' },
    { date: ymd(y, 2, 11), label: '建国記念の日' },
    { date: ymd(y, 3, equinoxDay(y, 'vernal')), label: '春分の日' },
    { date: ymd(y, 4, 29), label: '昭和の日' },
    { date: ymd(y, 5, 3), label: '憲法記念日' },
    { date: ymd(y, 5, 4), label: 'みどりの日' },
    { date: ymd(y, 5, 5), label: 'こどもの日' },
    { date: nthMonday(y, 9, 3), label: '敬老の日' },
    { date: ymd(y, 9, equinoxDay(y, 'autumnal')), label: '秋分の日' },
    { date: ymd(y, 11, 3), label: '文化の日' },
    { date: ymd(y, 11, 23), label: '勤労感謝の日' },
  ];
  if (y >= 2020) list.push({ date: ymd(y, 2, 23), label: '天皇誕生日' });
  else if (y <= 2018) list.push({ date: ymd(y, 12, 23), label: '天皇誕生日' });
  if (y === 2019) {
    // The enthronement year: the sandwich rule below then makes 4/30 and 5/2 holidays too.
    list.push({ date: '2019-05-01', label: '天皇の即位の日' }, { date: '2019-10-22', label: '即位礼正殿の儀' });
  }
  if (y === 2020) {
    list.push({ date: '2020-07-23', label: '海の日' }, { date: '2020-07-24', label: 'スポーツの日' }, { date: '2020-08-10', label: '山の日' });
  } else if (y === 2021) {
    list.push({ date: '2021-07-22', label: '海の日' }, { date: '2021-07-23', label: 'スポーツの日' }, { date: '2021-08-08', label: '山の日' });
  } else {
    list.push({ date: nthMonday(y, 7, 3), label: '海の日' });
    list.push({ date: nthMonday(y, 10, 2), label: y >= 2020 ? 'スポーツの日' : '体育の日' });
    if (y >= 2016) list.push({ date: ymd(y, 8, 11), label: '山の日' });
  }
  return list;
}

/** Every national holiday of the calendar year, in date order. */
export function japaneseHolidays(year: number): Holiday[] {
  const byDate = new Map(statutoryHolidays(year).map((h) => [h.date, h.label] as const));
  const statutory = [...byDate.keys()].sort();

  // 国民の休日: a day that is not itself a holiday, sandwiched between two holidays.
  for (const date of statutory) {
    const between = addDays(date, 1);
    if (!byDate.has(between) && byDate.has(addDays(date, 2)) && weekday(between) !== 0) {
      byDate.set(between, '国民の休日');
    }
  }
  // 振替休日: a holiday on Sunday makes the next day that is not a holiday a holiday.
  for (const date of statutory) {
    if (weekday(date) !== 0) continue;
    let next = addDays(date, 1);
    while (byDate.has(next)) next = addDays(next, 1);
    byDate.set(next, '振替休日');
  }
  return [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, label]) => ({ date, label }));
}
