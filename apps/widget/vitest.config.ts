import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The widget's unit tests alone: pure helpers, node environment, no server. The root config runs
 * them too; this one needs none of the root's global setup (`npm test -w @switchboard/widget`).
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
