import type { DocumentOf } from '../contracts.ts';

/** Council events happen on London's clock: a weekly 6:30pm class stays at 6:30pm when the clocks change. */
const TIME_ZONE = 'Europe/London';

export interface Occurrence {
  start: Date;
  end: Date;
}

type EventFields = Pick<DocumentOf<'event'>['fields'], 'startsAt' | 'endsAt' | 'recurrence'>;

/** A hard stop for the expansion, so a mistyped `until` in 2999 cannot make a page loop for long. */
const MAX_OCCURRENCES = 1000;

/**
 * The event's occurrences that have not finished by `from`, earliest first, at most `limit`. Weekly events repeat
 * every 7 days; monthly ones on the same weekday of the month (the first Tuesday, the third Saturday), and an event
 * that began on a fifth weekday repeats on the last one. Repeats stop after the `until` date (London time).
 */
export function occurrences(event: EventFields, options: { from: Date; limit: number }): Occurrence[] {
  const first = new Date(event.startsAt);
  const duration = Math.max(0, new Date(event.endsAt).getTime() - first.getTime());
  const found: Occurrence[] = [];
  const add = (start: Date): void => {
    const end = new Date(start.getTime() + duration);
    if (end > options.from) found.push({ start, end });
  };
  const recurrence = event.recurrence;
  if (!recurrence) {
    add(first);
    return found.slice(0, options.limit);
  }
  const local = londonParts(first);
  const until = recurrence.until;
  const nth = Math.ceil(local.day / 7);
  for (let i = 0; i < MAX_OCCURRENCES && found.length < options.limit; i++) {
    const date = recurrence.frequency === 'weekly' ? addDays(local, i * 7) : nthWeekdayOfMonth(local.year, local.month + i, local.weekday, nth);
    if (isoDate(date) > until) break;
    add(londonToInstant({ ...date, hour: local.hour, minute: local.minute }));
  }
  return found;
}

interface CivilDate {
  year: number;
  /** 0-based, as in Date; may overflow (month 13 is February next year) and is normalised by the helpers. */
  month: number;
  day: number;
}

interface LondonTime extends CivilDate {
  hour: number;
  minute: number;
  /** 0 = Sunday. */
  weekday: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** The wall-clock date and time in London at an instant. */
export function londonParts(at: Date): LondonTime {
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((p) => [p.type, p.value]));
  const year = Number(parts.year);
  const month = Number(parts.month) - 1;
  const day = Number(parts.day);
  return { year, month, day, hour: Number(parts.hour), minute: Number(parts.minute), weekday: new Date(Date.UTC(year, month, day)).getUTCDay() };
}

/** The instant when London's clocks show this date and time (the later one in the autumn hour that happens twice). */
export function londonToInstant(local: CivilDate & { hour: number; minute: number }): Date {
  const wall = Date.UTC(local.year, local.month, local.day, local.hour, local.minute);
  let guess = wall;
  // London is UTC or UTC+1: two corrections settle on the right offset either side of a change.
  for (let i = 0; i < 2; i++) {
    const seen = londonParts(new Date(guess));
    const seenWall = Date.UTC(seen.year, seen.month, seen.day, seen.hour, seen.minute);
    guess += wall - seenWall;
  }
  return new Date(guess);
}

function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

/** The nth (1–4) given weekday of a month; 5 or more means the last one. */
function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): CivilDate {
  const firstOfMonth = new Date(Date.UTC(year, month, 1));
  const offset = (weekday - firstOfMonth.getUTCDay() + 7) % 7;
  let day = 1 + offset + (Math.min(nth, 5) - 1) * 7;
  const daysInMonth = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0)).getUTCDate();
  while (day > daysInMonth) day -= 7;
  return { year: firstOfMonth.getUTCFullYear(), month: firstOfMonth.getUTCMonth(), day };
}

function isoDate(date: CivilDate): string {
  return new Date(Date.UTC(date.year, date.month, date.day)).toISOString().slice(0, 10);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** GOV.UK style times: "10am", "6:30pm", "midday", "midnight". */
export function formatTime(at: Date): string {
  const { hour, minute } = londonParts(at);
  if (minute === 0 && hour === 12) return 'midday';
  if (minute === 0 && hour === 0) return 'midnight';
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`}${hour < 12 ? 'am' : 'pm'}`;
}

/** "Tuesday 3 June 2025" (GOV.UK writes no comma after the weekday). */
export function formatDay(at: Date): string {
  return dayFormat.format(at).replace(',', '');
}

/** "Tuesday 3 June 2025, 6:30pm to 8pm", or both days in full when it runs past midnight. */
export function formatOccurrence({ start, end }: Occurrence): string {
  const startDay = formatDay(start);
  const endDay = formatDay(end);
  if (startDay === endDay) return `${startDay}, ${formatTime(start)} to ${formatTime(end)}`;
  return `${startDay} at ${formatTime(start)} to ${endDay} at ${formatTime(end)}`;
}
