/**
 * UI strings of the unlock calendar and the sector context (issue 13), keyed by the message names
 * WXT generates from public/_locales/en/messages.json, so a typo fails typecheck. The words come
 * from lib/i18n (the one message getter, injected by each entrypoint), so these pages and the
 * rest of the UI always speak the same language.
 */
import type { browser } from 'wxt/browser';
import { t as message } from '../lib/i18n';

/** the message names WXT generates from public/_locales/en/messages.json */
export type MessageKey = Parameters<typeof browser.i18n.getMessage>[0];

export function t(key: MessageKey, subs?: string | string[]): string {
  return message(key, ...(subs === undefined ? [] : Array.isArray(subs) ? subs : [subs]));
}
