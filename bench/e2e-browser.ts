/**
 * The e2e launcher's constants (Chromium path, hostnames mapped to the fake server), shared so
 * the benchmark maps exactly the hosts the tests map. tests/e2e/browser.ts is written for
 * vitest, where `__dirname` exists; under tsx in this ESM package it does not, so give the module
 * its own directory before loading it.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const g = globalThis as { __dirname?: string };
g.__dirname ??= join(ROOT, 'tests/e2e');

export const { CHROMIUM, MAPPED_HOSTS } = await import('../tests/e2e/browser');
