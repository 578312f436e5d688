/**
 * Test-side message getter: reads `public/_locales/<lang>/messages.json` and fills `$1`…`$9` the
 * way `browser.i18n.getMessage` does (`$$` is a literal dollar), so unit tests see the UI's real
 * words without a browser.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Note } from '../../lib/engine/bundle';
import { setMessages, tn, type MessageGetter } from '../../lib/i18n';

export function readMessages(lang: string): Record<string, { message: string; description?: string }> {
  // from the repository root (vitest's cwd): happy-dom test files see an http import.meta.url
  return JSON.parse(readFileSync(join(process.cwd(), 'public/_locales', lang, 'messages.json'), 'utf8'));
}

export function messagesGetter(lang: string): MessageGetter {
  const m = readMessages(lang);
  return (key, subs = []) => {
    const s = m[key]?.message;
    if (s === undefined) return '';
    return s.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
  };
}

/**
 * The worker's notes (message keys and substitutions, lib/engine/bundle.ts `Note`) as the UI
 * words them in `lang`: tests assert the sentence people read, not the key. Leaves `lang`'s
 * getter installed.
 */
export function renderNotes(notes: readonly Note[], lang = 'en'): string[] {
  setMessages(messagesGetter(lang));
  return notes.map((n) => tn(n));
}

/**
 * A metric's note (a `mn_*` Note) as the UI words it in `lang`; undefined when it has none, so
 * tests still tell "no note" from "some note". Leaves `lang`'s getter installed.
 */
export function metricNote(m: { note?: Note } | undefined, lang = 'en'): string | undefined {
  if (!m?.note) return undefined;
  return renderNotes([m.note], lang)[0];
}
