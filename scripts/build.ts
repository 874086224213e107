/**
 * `npm run build`: both targets from one manifest → dist/chrome and dist/firefox.
 * Honors N2P_API_BASE and N2P_CLIENT_ID (see README "Configuration").
 */
import { build } from 'vite';

const targets = (process.argv[2] ? [process.argv[2]] : ['chrome', 'firefox']) as string[];
for (const target of targets) {
  process.env.N2P_TARGET = target;
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  console.log(`built dist/${target}`);
}
