/**
 * Every UI language has every message, with the same placeholders (`$1`…`$9`), and the `locale`
 * message the UI derives its Intl locale and colour convention from (lib/i18n).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultUpColor, setMessages, uiLocale, upColorFor } from '../../lib/i18n';
import { messagesGetter, readMessages } from './messages';

const LANGS = ['en', 'zh_CN', 'zh_TW', 'ja', 'ko', 'ru', 'tr', 'vi', 'es', 'pt_BR'];
const present = readdirSync(new URL('../../public/_locales/', import.meta.url));
const en = readMessages('en');
const placeholders = (s: string) => [...new Set(s.match(/\$[1-9]/g) ?? [])].sort();

afterEach(() => setMessages(messagesGetter('en')));

/** The text of every .ts/.tsx file directly in these repo folders, joined. */
function sourceOf(dirs: string[]): string {
  return dirs
    .flatMap((d) => readdirSync(new URL(`../../${d}/`, import.meta.url)).map((f) => `${d}/${f}`))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8'))
    .join('\n');
}

describe('locales', () => {
  it('ships the languages of the venues’ traders, and nothing unexpected', () => {
    expect([...present].sort()).toEqual([...LANGS].sort());
  });

  it('every UI string the code asks for exists in English', () => {
    const src = sourceOf(['components', 'entrypoints/overlay.content', 'entrypoints/popup', 'entrypoints/options', 'entrypoints/compare', 'entrypoints/unlocks', 'lib/metrics']);
    const keys = [...src.matchAll(/\bt\('([a-zA-Z0-9_]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(150);
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });

  it('every note, metric-note and feed key the worker sends exists in English (issue 9: the UI words them)', () => {
    const src = sourceOf(['lib/engine']);
    const keys = [...src.matchAll(/'((?:n|w|mn)_[a-z_]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(25);
    // metric notes (Metric.note) are keys too: every one of them is found here
    expect(keys.filter((k) => k.startsWith('mn_')).length).toBeGreaterThanOrEqual(18);
    // built at run time: `${what}_totals` (fundamentals.ts), the sector median's tooltip (sector.ts)
    keys.push('w_fees_totals', 'w_revenue_totals', 'sector_median_explain', 'm_sector');
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });

  it('every network-figure label key the sources send exists in English (`nl_<source>_…`)', () => {
    const src = sourceOf(['lib/sources']);
    const keys = [...src.matchAll(/'(nl_[a-z0-9_]+)'/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(18);
    // built at run time: `nl_helium_${which}` (helium.ts)
    keys.push('nl_helium_both', 'nl_helium_iot', 'nl_helium_mobile');
    expect(keys.filter((k) => !(k in en))).toEqual([]);
    // and no message is left over from a label a source no longer sends
    expect(Object.keys(en).filter((k) => k.startsWith('nl_') && !keys.includes(k))).toEqual([]);
  });

  for (const lang of LANGS.filter((l) => l !== 'en')) {
    it(`${lang}: every key, the same placeholders, a translated text`, () => {
      const m = readMessages(lang);
      expect(Object.keys(m).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message }] of Object.entries(en)) {
        expect(placeholders(m[key]!.message), `${lang} ${key}`).toEqual(placeholders(message));
        expect(m[key]!.message.trim(), `${lang} ${key}`).not.toBe('');
      }
      // translated, not copied: most long texts differ from the English
      const long = Object.keys(en).filter((k) => en[k]!.message.length > 25);
      const same = long.filter((k) => m[k]!.message === en[k]!.message);
      expect(same.length, `${lang} untranslated: ${same.join(', ')}`).toBeLessThan(long.length * 0.1);
    });
  }

  it.each([
    ['en', 'en', 'green'],
    ['zh_CN', 'zh-CN', 'red'],
    ['zh_TW', 'zh-TW', 'red'],
    ['ko', 'ko', 'red'],
    ['ja', 'ja', 'green'],
    ['ru', 'ru', 'green'],
    ['tr', 'tr', 'green'],
    ['vi', 'vi', 'green'],
    ['es', 'es', 'green'],
    ['pt_BR', 'pt-BR', 'green'],
  ])('%s: UI locale %s, rising colour %s by default', (lang, locale, up) => {
    setMessages(messagesGetter(lang));
    expect(uiLocale()).toBe(locale);
    expect(upColorFor('auto')).toBe(up);
    expect(upColorFor(null)).toBe(up);
  });

  it('the user’s choice beats the language', () => {
    expect(upColorFor('red', 'en')).toBe('red');
    expect(upColorFor('green', 'zh-CN')).toBe('green');
    expect(defaultUpColor('zh-HK')).toBe('red');
  });
});
