import { defineConfig } from 'vitest/config';

// Two tiers: `unit` (pure logic and components, fast, in Node/happy-dom) and
// `e2e` (the built extension in real Chromium and Firefox, one file at a time).
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // The build-time constants of src/shared/config.ts, as a default build sets them.
  define: {
    __N2P_API_BASE__: JSON.stringify('https://integrate.versature.com'),
    __N2P_CLIENT_ID__: JSON.stringify(''),
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A second call waits out net2phone's one-per-second spacing (src/background/calls.ts).
          expect: { poll: { timeout: 5_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
