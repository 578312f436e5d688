// `npm test`: every step runs even when an earlier one fails (a type error must not hide the
// unit results), each step's outcome is recorded, and the closing line "N passed, N failed" is
// always printed: tests from the unit and end-to-end JSON reports, plus one failure per step
// that failed without a test report saying so (typecheck, lint, build, a crashed runner).
// Exits non-zero when anything failed.
//
// The end-to-end step needs the build; when the build fails it is not run and counts as failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = new URL('../tests/.results/', import.meta.url);
const report = (name) => new URL(`${name}.json`, RESULTS);

/** @type {Array<{ name: string; script: string; report?: string; needs?: string }>} */
const ALL_STEPS = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'unit', script: 'test:unit', report: 'unit' },
  { name: 'build', script: 'build' },
  // The Firefox add-on the e2e tests load and compare is the release build users install.
  { name: 'build-firefox', script: 'build:firefox' },
  { name: 'e2e', script: 'test:e2e', report: 'e2e', needs: 'build' },
];
// `TEST_STEPS=typecheck,lint npm test` runs a subset (the summary covers what ran).
const only = process.env.TEST_STEPS?.split(',').map((s) => s.trim());
const STEPS = only ? ALL_STEPS.filter((s) => only.includes(s.name)) : ALL_STEPS;

for (const s of STEPS) if (s.report) rmSync(report(s.report), { force: true });
rmSync(new URL('../coverage/', import.meta.url), { recursive: true, force: true });

const outcome = new Map();
for (const step of STEPS) {
  if (step.needs && outcome.has(step.needs) && outcome.get(step.needs) !== 'ok') {
    console.log(`\n▶ ${step.name}: not run (${step.needs} failed)`);
    outcome.set(step.name, 'not run');
    continue;
  }
  console.log(`\n▶ ${step.name} (npm run ${step.script})`);
  const r = spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit' });
  outcome.set(step.name, r.status === 0 ? 'ok' : 'failed');
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const step of STEPS) {
  const state = outcome.get(step.name);
  if (step.report && existsSync(report(step.report))) {
    const r = JSON.parse(readFileSync(report(step.report), 'utf8'));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    // A runner that failed with every test green (a failed coverage threshold, an error outside
    // a test) is still a failure.
    if (state === 'failed' && r.numFailedTests === 0) failed += 1;
  } else if (state !== 'ok') {
    failed += 1;
  }
}

// Coverage of lib/ apart from the whole (entrypoints are mostly covered end to end, not here).
const cov = new URL('../coverage/coverage-summary.json', import.meta.url);
if (outcome.get('unit') !== 'not run' && existsSync(cov)) {
  const sum = { statements: [0, 0], branches: [0, 0] };
  for (const [file, v] of Object.entries(JSON.parse(readFileSync(cov, 'utf8')))) {
    if (!file.includes('/lib/')) continue;
    for (const k of ['statements', 'branches']) {
      sum[k][0] += v[k].covered;
      sum[k][1] += v[k].total;
    }
  }
  const pct = ([c, t]) => (t ? ((100 * c) / t).toFixed(1) : '–');
  console.log(`\ncoverage of lib/: statements ${pct(sum.statements)} %, branches ${pct(sum.branches)} %`);
}

console.log('\nsteps: ' + STEPS.map((s) => `${s.name} ${outcome.get(s.name)}`).join(', '));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
