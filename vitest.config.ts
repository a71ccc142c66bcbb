import { defineConfig } from 'vitest/config';

// Every test runs with a 2026-07-28 client (the primary revision); the hostile-input, upstream,
// secrets and stdio matrix runs a second time with 2025 clients, so both eras keep its guarantees.
export default defineConfig({
  test: {
    // Builds dist/ when it is missing or stale, for the tests that run the built bin.
    globalSetup: ['test/setup/build-dist.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'modern', include: ['test/**/*.test.ts'] } },
      { extends: true, test: { name: 'legacy', include: ['test/matrix/**/*.test.ts'], env: { HEYGEN_MCP_TEST_ERA: 'legacy' } } },
    ],
  },
});
