/**
 * The UI's words and locale, from the extension's `_locales/<lang>/messages.json` through the
 * i18n API. Components never call browser APIs (GUIDE.md): each entrypoint injects the message
 * getter once (`setMessages(browser.i18n.getMessage)`), tests inject one that reads the English
 * file. Translations stay in `_locales/`, never in the bundle (issue 9: content script ≤ 20 KB).
 *
 * The UI locale comes from the `locale` message of the file the browser picked, not from
 * `i18n.getUILanguage()`: headless Chromium started with `--lang=zh-CN` answers getMessage from
 * `_locales/zh_CN` but still reports `en-US` as its UI language (CONTRACT.md, "Network access of
 * the production build"), and text, number formats and colours must always agree.
 */
import type { Note } from '../engine/bundle';

export type MessageGetter = (key: string, substitutions?: string[]) => string;

let getter: MessageGetter = () => '';
let cachedLocale: string | null = null;

export function setMessages(get: MessageGetter): void {
  getter = get;
  cachedLocale = null;
}

/**
 * The message `key` with `$1`…`$9` placeholders filled from `subs`; the key itself when the
 * message is missing (a visible, greppable fault rather than an empty label).
 */
export function t(key: string, ...subs: Array<string | number>): string {
  let s = '';
  try {
    s = getter(key, subs.map(String));
  } catch {
    /* extension context gone (reloaded): fall through */
  }
  return s || key;
}

/**
 * A worker's Note (lib/engine/bundle.ts) in the UI language: its key's message with each
 * substitution filled in, nested Notes (a feed's `what`) rendered first.
 */
export function tn([key, ...subs]: Note): string {
  return t(key, ...subs.map((s) => (typeof s === 'string' ? s : tn(s))));
}

/** BCP 47 tag of the UI language (`en`, `zh-CN`…), for Intl formatters. */
export function uiLocale(): string {
  if (cachedLocale) return cachedLocale;
  const raw = t('locale');
  let tag = 'en';
  try {
    tag = raw !== 'locale' ? Intl.getCanonicalLocales(raw)[0] ?? 'en' : 'en';
  } catch {
    tag = 'en';
  }
  return (cachedLocale = tag);
}

export type UpColor = 'green' | 'red';

/**
 * Rising red, falling green is the convention in mainland China, Taiwan, Hong Kong and Korea
 * (CONTRACT.md, "Views, language and colours"); green-up everywhere else.
 */
export function defaultUpColor(locale: string): UpColor {
  return /^(zh|ko)\b/i.test(locale) ? 'red' : 'green';
}

/** The user's choice when made (options page), else the UI language's convention. */
export function upColorFor(choice: 'auto' | UpColor | null | undefined, locale = uiLocale()): UpColor {
  return choice === 'green' || choice === 'red' ? choice : defaultUpColor(locale);
}
