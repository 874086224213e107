/**
 * `npm run build`: both targets from one manifest → dist/chrome and dist/firefox.
 * Honors N2P_API_BASE and N2P_CLIENT_ID (see README "Configuration").
 */
import { build } from 'vite';

// A release build whoever runs it: under NODE_ENV=test (vitest sets it, and `npm run package`
// may run inside a test) the JSX runtime is the development one, which writes this checkout's
// absolute file paths into the bundle, so no one else could rebuild the same files.
process.env.NODE_ENV = 'production';

const targets = (process.argv[2] ? [process.argv[2]] : ['chrome', 'firefox']) as string[];
for (const target of targets) {
  process.env.N2P_TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built dist/${target}`);
}
