import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // Argon2id at the MODERATE preset takes about a second per derivation by design.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
