/**
 * What a ticker may look like, shared by pair detection (content script), the worker's message
 * checks and the settings schema. Dependency-free on purpose: the content script and the worker
 * both import it, and neither may pull the other's code.
 *
 * - ASCII: upper-case letters and digits, 1–20 characters (`TAO`, `1000SATS`).
 * - CJK-named tokens (Gate lists `人生K线_USDT`): NFC, at least one Han, Hiragana, Katakana or
 *   Hangul character, the rest of them or upper-case ASCII letters and digits, 1–20 code points.
 *   These scripts have no letter case and no ASCII look-alikes; Latin, Greek and Cyrillic letters
 *   outside ASCII are refused (homoglyphs such as `ВТС` or the KELVIN SIGN never become tickers).
 * - Never all digits: `/trade/75` on Hyperliquid is an index, not a ticker "75".
 * Nothing else passes: `../`, `?`, `#`, `%`, spaces and control characters are outside both sets.
 */
export const CJK = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}\\p{sc=Hangul}';

/** ASCII, or CJK with upper-case ASCII, 1–20 code points, not all digits (lookaheads). */
const TICKER_TEXT_RE = new RegExp(`^(?!\\d+$)(?:[A-Z0-9]{1,20}|(?=.*[${CJK}])[${CJK}A-Z0-9]{1,20})$`, 'u');

/** True for a normalised ticker (ASCII or CJK-named, see above). */
export function isTickerText(s: unknown): s is string {
  return typeof s === 'string' && TICKER_TEXT_RE.test(s) && s === s.normalize('NFC');
}

/** Upper-cases ASCII a–z only: `'ß'.toUpperCase()` is `'SS'`, and CJK has no case to change. */
export function upperAscii(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

/**
 * Typed text (popup, watchlist, options) → a ticker, or undefined: trimmed, NFC, ASCII upper-cased,
 * then checked. The raw text is checked for the allowed characters before NFC too (NFC maps the
 * KELVIN SIGN to `K`).
 */
export function tickerFromText(text: string): string | undefined {
  const t = text.trim();
  if (t.length > 40 || !new RegExp(`^[${CJK}A-Za-z0-9]+$`, 'u').test(t)) return undefined;
  const n = upperAscii(t.normalize('NFC'));
  return isTickerText(n) ? n : undefined;
}
