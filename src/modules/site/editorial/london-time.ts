/** Dates and times as editors type them (UK wall-clock time), and back. */

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day (YYYY-MM-DD) and time (HH:MM) on a clock in London at an instant. */
export function londonParts(instant: Date): { day: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The instant a London clock shows this day and time (the later one when clocks go back). */
export function londonInstant(day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = time.split(':').map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, h ?? 0, min ?? 0);
  let guess = wall;
  // Two passes settle the offset (0 or 1 hour) even across a clock change.
  for (let i = 0; i < 2; i++) {
    const shown = londonParts(new Date(guess));
    const [sy, sm, sd] = shown.day.split('-').map(Number);
    const [sh, smin] = shown.time.split(':').map(Number);
    const offset = Date.UTC(sy ?? 0, (sm ?? 1) - 1, sd ?? 1, sh ?? 0, smin ?? 0) - guess;
    guess = wall - offset;
  }
  return new Date(guess);
}

/** A real calendar day from the three boxes of a GOV.UK date input, or null. */
export function realDay(day: string, month: string, year: string): string | null {
  if (!/^\d{1,2}$/.test(day.trim()) || !/^\d{1,2}$/.test(month.trim()) || !/^\d{4}$/.test(year.trim())) return null;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** "14:30", "9:30am", "2pm", "9.30" → "HH:MM", or null. */
export function realTime(value: string): string | null {
  const match = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(value.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? '0');
  const half = match[3]?.toLowerCase();
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (match[2] === undefined) return null;
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** "12 March 2025 at 2:30pm" */
export function readableDateTime(instant: Date): string {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hourCycle: 'h12' }).format(instant).replace(' ', '').toLowerCase();
  return `${day} at ${time}`;
}
