/**
 * iCalendar (RFC 5545) text for the unlock calendar's "Export calendar" button. Hand-written:
 * the one maintained package for it, `ics`, brings yup, nanoid and runes2 along and folds lines
 * by UTF-16 code units, while RFC 5545 §3.1 counts OCTETS ("Lines of text SHOULD NOT be longer
 * than 75 octets, excluding the line break") — a line of non-ASCII text folded by characters
 * overruns that. What is needed here is small: one VEVENT per row. The output is checked in
 * tests/unit/ics.test.ts by parsing it back with ical.js.
 *
 * https://www.rfc-editor.org/rfc/rfc5545#section-3.1 (folding),
 * https://www.rfc-editor.org/rfc/rfc5545#section-3.3.11 (TEXT escaping),
 * https://www.rfc-editor.org/rfc/rfc5545#section-3.8.4.7 (UID: re-import updates, not duplicates).
 */

export interface IcsEvent {
  /** stable across exports, so a calendar re-importing the file updates the event */
  uid: string;
  /** epoch ms of the event */
  startMs: number;
  /** all-day event on the UTC date of `startMs` (VALUE=DATE), else a timed event at that instant */
  allDay: boolean;
  summary: string;
  description?: string;
  /** https link shown by calendar apps */
  url?: string;
}

/** Max octets of one physical line, excluding CRLF (RFC 5545 §3.1). */
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/**
 * The UID of a token's unlock at one instant: `<symbol>-<epoch ms>@tokenlens`, so the same unlock
 * gets the same UID in every export and different unlocks never share one.
 */
export function unlockUid(symbol: string, atMs: number): string {
  return `${symbol.toLowerCase().replace(/[^a-z0-9]/g, '')}-${Math.trunc(atMs)}@tokenlens`;
}

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma; any newline becomes `\n`. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line to at most 75 octets per physical line (§3.1): continuation lines start
 * with one space, which counts toward their 75. Splits only between code points, never inside a
 * UTF-8 sequence (or a UTF-16 surrogate pair).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    if (octets + n > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line
    }
    current += ch;
    octets += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `YYYYMMDDTHHMMSSZ` (UTC date-time, §3.3.5 form #2). */
export function icsDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `YYYYMMDD` of the UTC date of `ms` (§3.3.4). */
export function icsDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * A whole VCALENDAR with one VEVENT per event, CRLF line ends, every line folded.
 * @param nowMs DTSTAMP of every event (when this file was made), epoch ms
 */
export function toIcs(events: readonly IcsEvent[], nowMs: number, calendarName = 'Tokenlens unlocks'): string {
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Tokenlens//Unlock calendar//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(calendarName)}`];
  const stamp = icsDateTime(nowMs);
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}`, `DTSTAMP:${stamp}`);
    if (e.allDay) {
      lines.push(`DTSTART;VALUE=DATE:${icsDate(e.startMs)}`, `DTEND;VALUE=DATE:${icsDate(e.startMs + 86_400_000)}`);
    } else {
      lines.push(`DTSTART:${icsDateTime(e.startMs)}`, `DTEND:${icsDateTime(e.startMs + 3_600_000)}`);
    }
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Whether an instant is exactly a UTC midnight (then the export makes an all-day event). */
export function isUtcMidnight(ms: number): boolean {
  return ms % 86_400_000 === 0;
}
