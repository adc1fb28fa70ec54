import type { PublishedContent } from '../contracts.ts';
import type { DocumentOf } from '../contracts.ts';
import { richTextToPlain } from '../rich-text/index.ts';
import { londonParts } from './events.ts';

/** Europe/London's rules, so calendars keep a weekly 6:30pm event at 6:30pm when the clocks change. */
const LONDON = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** An iCalendar (RFC 5545) file with the event, repeating as the page says. */
export function eventCalendar(event: PublishedContent & { document: DocumentOf<'event'> }, origin: string, siteName: string): string {
  const { document } = event;
  const { fields } = document;
  const start = new Date(fields.startsAt);
  const location = [fields.venue.name, fields.venue.address, fields.venue.postcode].filter(Boolean).join(', ');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Lastmile//${text(siteName)}//EN`,
    'CALSCALE:GREGORIAN',
    ...LONDON,
    'BEGIN:VEVENT',
    `UID:${event.id}@${new URL(origin).host}`,
    `DTSTAMP:${utc(event.publishedAt)}`,
    `DTSTART;TZID=Europe/London:${local(start)}`,
    `DTEND;TZID=Europe/London:${local(new Date(fields.endsAt))}`,
    ...(fields.recurrence ? [`RRULE:${rule(fields.recurrence, start)}`] : []),
    `SUMMARY:${text(document.title)}`,
    `DESCRIPTION:${text([document.summary, richTextToPlain(fields.body), `Cost: ${fields.cost}`].filter(Boolean).join('\n\n'))}`,
    `LOCATION:${text(location)}`,
    `URL:${origin}${document.path}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}

function rule(recurrence: { frequency: 'weekly' | 'monthly'; until: string }, start: Date): string {
  // UNTIL is the end of the last day, as the page means it ("until 30 June" includes 30 June).
  const until = `UNTIL=${recurrence.until.replaceAll('-', '')}T235959`;
  if (recurrence.frequency === 'weekly') return `FREQ=WEEKLY;${until}`;
  const { day, weekday } = londonParts(start);
  const nth = Math.ceil(day / 7);
  return `FREQ=MONTHLY;BYDAY=${nth >= 5 ? -1 : nth}${DAYS[weekday] ?? 'MO'};${until}`;
}

function local(at: Date): string {
  const p = londonParts(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${p.year}${two(p.month + 1)}${two(p.day)}T${two(p.hour)}${two(p.minute)}00`;
}

function utc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function text(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets continue on the next line after a space. */
function fold(line: string): string {
  const bytes = Buffer.from(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let rest = line;
  let limit = 75;
  while (Buffer.byteLength(rest) > limit) {
    let cut = limit;
    while (Buffer.byteLength(rest.slice(0, cut)) > limit) cut--;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    limit = 74;
  }
  parts.push(rest);
  return parts.join('\r\n ');
}
