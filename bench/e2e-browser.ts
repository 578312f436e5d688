/**
 * The e2e launcher's constants (Chromium path, the flags that map hostnames to the fake server),
 * shared so the benchmark maps exactly the hosts the tests map.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export { CHROMIUM, MAPPED_HOSTS, chromiumArgs } from '../tests/e2e/browser';
