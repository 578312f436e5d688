import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { escapeText, foldLine, icsDateTime, isUtcMidnight, toIcs, unlockUid, type IcsEvent } from '../../lib/metrics/ics';

const NOW = Date.UTC(2025, 5, 15, 12, 30, 5);
const octets = (s: string) => new TextEncoder().encode(s).length;

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const events: IcsEvent[] = [
  {
    uid: unlockUid('AAA', Date.UTC(2025, 6, 1)),
    startMs: Date.UTC(2025, 6, 1),
    allDay: true,
    summary: 'AAA unlock: 35,000 AAA; 3.5% of circulating',
    description: 'Recipients: Investors, Team\nValue: $70,000 \\ at today’s price',
  },
  {
    uid: unlockUid('BBB', Date.UTC(2025, 6, 2, 14, 30)),
    startMs: Date.UTC(2025, 6, 2, 14, 30),
    allDay: false,
    // long, non-ASCII, with characters of 2, 3 and 4 UTF-8 octets: folding must not cut one
    summary: 'BBB — déblocage des jetons 解锁 🔓 '.repeat(6),
    description: 'Équipe, investisseurs; écosystème — 生态系统 ✓ '.repeat(5),
  },
];

describe('ics', () => {
  const text = toIcs(events, NOW);

  it('parses back to one event per row with the same UIDs, dates and texts', () => {
    const parsed = parse(text);
    expect(parsed).toHaveLength(2);
    expect(parsed.map((e) => e.uid)).toEqual(['aaa-1751328000000@tokenlens', 'bbb-1751466600000@tokenlens']);
    expect(parsed[0]!.summary).toBe(events[0]!.summary);
    expect(parsed[0]!.description).toBe(events[0]!.description);
    expect(parsed[0]!.startDate.isDate).toBe(true);
    expect(parsed[0]!.startDate.toString()).toBe('2025-07-01');
    expect(parsed[1]!.startDate.isDate).toBe(false);
    expect(parsed[1]!.startDate.toJSDate().getTime()).toBe(Date.UTC(2025, 6, 2, 14, 30));
    expect(parsed[1]!.summary).toBe(events[1]!.summary);
    expect(parsed[1]!.description).toBe(events[1]!.description);
  });

  it('stamps every event and ends every line with CRLF', () => {
    const comp = new ICAL.Component(ICAL.parse(text));
    for (const v of comp.getAllSubcomponents('vevent')) expect(v.getFirstPropertyValue('dtstamp')?.toString()).toBe('2025-06-15T12:30:05Z');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds at 75 octets without splitting a UTF-8 sequence', () => {
    const physical = text.split('\r\n').slice(0, -1);
    expect(physical.some((l) => l.startsWith(' '))).toBe(true);
    for (const l of physical) {
      expect(octets(l)).toBeLessThanOrEqual(75);
      // a lone surrogate would mean a 4-octet character was cut in two
      expect(l).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    const long = 'X'.repeat(200);
    const folded = foldLine(long).split('\r\n');
    expect(folded.map(octets)).toEqual([75, 75, 52]); // 75 + (1 + 74) + (1 + 51)
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(foldLine('short')).toBe('short');
    // unfolding (remove CRLF + one space) gives back the line
    const mixed = 'é'.repeat(100);
    expect(foldLine(mixed).replace(/\r\n /g, '')).toBe(mixed);
    expect(foldLine(mixed).split('\r\n').map(octets)).toEqual([74, 75, 53]); // a 2-octet é never straddles the 75th octet
  });

  it('escapes backslash, semicolon, comma and newlines in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(text).toContain('SUMMARY:AAA unlock: 35\\,000 AAA\\; 3.5% of circulating');
  });

  it('gives a stable UID per token and instant, distinct otherwise', () => {
    const t = Date.UTC(2025, 6, 1);
    expect(unlockUid('AAA', t)).toBe(unlockUid('AAA', t));
    expect(unlockUid('AAA', t)).not.toBe(unlockUid('AAA', t + 1));
    expect(unlockUid('AAA', t)).not.toBe(unlockUid('BBB', t));
    // a second export made later keeps the UIDs: re-import updates the events
    expect(parse(toIcs(events, NOW + 86_400_000)).map((e) => e.uid)).toEqual(parse(text).map((e) => e.uid));
  });

  it('formats UTC stamps and tells midnights', () => {
    expect(icsDateTime(NOW)).toBe('20250615T123005Z');
    expect(isUtcMidnight(Date.UTC(2025, 6, 1))).toBe(true);
    expect(isUtcMidnight(Date.UTC(2025, 6, 1, 1))).toBe(false);
  });

  it('makes an empty but valid calendar without rows', () => {
    expect(parse(toIcs([], NOW))).toHaveLength(0);
  });
});
