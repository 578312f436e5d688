/**
 * UI strings of the unlock calendar and the sector context (issue 13), from
 * public/_locales/<lang>/messages.json (keys `unlocks_*`, `sector_*`) through the i18n API.
 * Falls back to the key itself, so a missing string shows up as such instead of an empty cell.
 */
import { browser } from 'wxt/browser';

/** the message names WXT generates from public/_locales/en/messages.json (typos fail typecheck) */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: MessageKey, subs?: string | string[]): string {
  let s = '';
  try {
    s = browser.i18n.getMessage(key, subs);
  } catch {
    // no i18n API (unit tests without a fake): fall through to the key
  }
  return s || key;
}
