// Prints one plain closing line for the whole suite ("N passed, N failed"), summed over the
// unit and end-to-end runs' JSON reports, so a CI log reader sees the total at a glance.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of ['unit', 'e2e']) {
  const r = JSON.parse(readFileSync(new URL(`../tests/.results/${name}.json`, import.meta.url), 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
