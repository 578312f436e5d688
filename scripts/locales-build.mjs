// Writes public/_locales/<lang>/messages.json from a flat { key: message } JSON file, so that
// translators edit plain key → text pairs. Usage: node scripts/locales-build.mjs <lang> <flat.json>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
const [lang, file] = process.argv.slice(2);
const flat = JSON.parse(readFileSync(file, 'utf8'));
const out = Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, { message: v }]));
mkdirSync(`public/_locales/${lang}`, { recursive: true });
writeFileSync(`public/_locales/${lang}/messages.json`, JSON.stringify(out, null, 1) + '\n');
