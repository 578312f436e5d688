import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium, production build, fake HTTPS upstreams. One file at a time
// (the machine has 2 cores and each file runs a browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
