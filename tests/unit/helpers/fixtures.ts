/** The one loader of recorded and synthetic payloads under tests/fixtures/. */
import { readFileSync } from 'node:fs';

const ROOT = new URL('../../fixtures/', import.meta.url);

/** The text of `tests/fixtures/<path>`, e.g. `fixtureText('market/coingecko_markets.json')`. */
export function fixtureText(path: string): string {
  return readFileSync(new URL(path, ROOT), 'utf8');
}

/** The parsed JSON of `tests/fixtures/<path>` (unknown: the code under test must check it). */
export function fixtureJson(path: string): unknown {
  return JSON.parse(fixtureText(path)) as unknown;
}
