/**
 * Entrypoint side of lib/i18n: hands the extension's i18n API to the UI modules and tags the
 * document with the UI language. Imported by entrypoints only (components stay API-free).
 */
import { browser } from 'wxt/browser';
import { setMessages, uiLocale } from './index';

export function useExtensionMessages(doc?: Document): void {
  // WXT types getMessage's key as the English file's keys; lib/i18n passes them as plain strings.
  const get = browser.i18n.getMessage as (key: string, substitutions?: string[]) => string;
  setMessages((key, subs) => get(key, subs));
  if (doc) doc.documentElement.lang = uiLocale();
}
