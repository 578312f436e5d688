/**
 * What ships is what the tests check (issue 11, "What ships"). The test runner sets
 * NODE_ENV=test (and VITEST*) in its environment; a build spawned with that environment is a
 * development build (Preact devtools hooks, absolute paths of the building machine). Every build
 * or zip made from the tests runs the package scripts users run, in the environment a shell
 * gives them.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The environment of a shell: without what the test runner adds. */
export function releaseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(NODE_ENV|VITEST.*|TEST|MODE)$/.test(k)) env[k] = v;
  return { ...env, ...extra };
}

/** `npm run <script>` as a person types it; throws with the output when it fails. */
export function npmRun(script: string, extra: Record<string, string> = {}, timeout = 180_000): void {
  const r = spawnSync('npm', ['run', script], { cwd: ROOT, encoding: 'utf8', timeout, env: releaseEnv(extra), maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`npm run ${script} failed (status ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** relative path → sha256 of every file under `dir`. */
export function hashTree(dir: string): Record<string, string> {
  const rows = walk(dir).map((f): [string, string] => [relative(dir, f).split('\\').join('/'), createHash('sha256').update(readFileSync(f)).digest('hex')]);
  return Object.fromEntries(rows.sort((a, b) => a[0].localeCompare(b[0])));
}

/** Marks of a development build, or of the machine that built it, that must never ship. */
export const DEV_MARKERS: ReadonlyArray<{ rule: string; re: RegExp }> = [
  { rule: 'Preact devtools hook', re: /__PREACT_DEVTOOLS__/ },
  { rule: 'Preact debug build', re: /preact\/debug|Undefined component passed to createElement/ },
  { rule: 'Vite dev client / HMR', re: /@vite\/client|import\.meta\.hot|__vite_ssr|\/@fs\// },
  { rule: 'absolute path of the building machine', re: /(?<![\w.-])\/(?:work|root|home|Users|tmp|var\/folders)\/[\w.-]/ },
  { rule: 'file: URL', re: /file:\/\/\// },
  { rule: 'source map reference', re: /sourceMappingURL=/ },
];

/** `name: rule …snippet…` for every development marker in a shipped text file. */
export function devMarkerHits(name: string, text: string): string[] {
  return DEV_MARKERS.flatMap(({ rule, re }) => {
    const m = re.exec(text);
    return m ? [`${name}: ${rule} …${text.slice(Math.max(0, m.index - 40), m.index + 60).replace(/\s+/g, ' ')}…`] : [];
  });
}
