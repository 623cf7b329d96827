import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { DOTENV_CONFIG_QUIET: 'true' },
    testTimeout: 30_000,
  },
});
