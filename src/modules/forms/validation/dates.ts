import type { DateRef } from '../definition/types.ts';

/** Days are ISO strings ("2026-05-01"), which compare in date order as plain strings. */
export type IsoDay = string;

const londonDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Today as the council sees it: just after midnight in May is already tomorrow in London. */
export function todayInLondon(now: Date = new Date()): IsoDay {
  return londonDay.format(now);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function resolveDay(ref: DateRef, today: IsoDay): IsoDay {
  if (typeof ref === 'object') return addDays(today, ref.days);
  return ref === 'today' ? today : ref;
}

/** A real calendar day from its parts, or null (31 April, 29 February 2027). */
export function realDay(year: number, month: number, day: number): IsoDay | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return date.toISOString().slice(0, 10);
}

export function isIsoDay(value: unknown): value is IsoDay {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && realDay(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8))) === value;
}

/** GOV.UK style: "4 June 2026". */
export function formatDay(day: IsoDay): string {
  return longDay.format(new Date(`${day}T00:00:00Z`));
}
