/**
 * What a ticker may look like, shared by pair detection (content script), the worker's message
 * checks and the settings schema. Dependency-free on purpose: the content script and the worker
 * both import it, and neither may pull the other's code.
 *
 * - ASCII: upper-case letters and digits, 1–20 characters (`TAO`, `1000SATS`).
 * - Tokens named in Chinese characters (Gate lists `人生K线_USDT`): NFC, at least one Han
 *   character, the rest Han or upper-case ASCII letters and digits, 1–20 code points. Han has no
 *   letter case and no ASCII look-alikes; every other non-ASCII letter is refused (homoglyphs such
 *   as Cyrillic `ВТС` or the KELVIN SIGN never become tickers). Kana and Hangul are not accepted:
 *   no listing needing them was found, and each accepted script widens what a page can inject.
 * - Never all digits: `/trade/75` on Hyperliquid is an index, not a ticker "75".
 * Nothing else passes: `../`, `?`, `#`, `%`, spaces and control characters are outside both sets.
 */

/** Upper-case ASCII letters, digits and Han, 1–20 code points (`u` flag), not all digits. */
const TICKER_TEXT_RE = /^(?!\d+$)[\p{sc=Han}A-Z0-9]{1,20}$/u;

/** True for a normalised ticker (ASCII or Han-named, see above). */
export function isTickerText(s: unknown): s is string {
  // `normalize()` with no argument is NFC (ECMA-262 String.prototype.normalize).
  return typeof s === 'string' && TICKER_TEXT_RE.test(s) && s === s.normalize();
}

/** Upper-cases ASCII a–z only: `'ß'.toUpperCase()` is `'SS'`, and Han has no case to change. */
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
  if (t.length > 40 || !/^[\p{sc=Han}A-Za-z0-9]+$/u.test(t)) return undefined;
  const n = upperAscii(t.normalize('NFC'));
  return isTickerText(n) ? n : undefined;
}
