/**
 * `npm run package`: store-ready archives in artifacts/, versioned from
 * package.json: a Chrome Web Store zip and a Firefox package (web-ext build).
 * Builds first, against N2P_API_BASE / N2P_CLIENT_ID as set (see README).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
};
const out = path.resolve('artifacts');
mkdirSync(out, { recursive: true });

const run = (args: string[]) => execFileSync('npx', args, { stdio: 'inherit' });

run(['tsx', 'scripts/build.ts']);
for (const target of ['chrome', 'firefox'] as const) {
  const filename = `${name}-${target}-${version}.zip`;
  rmSync(path.join(out, filename), { force: true });
  run([
    'web-ext',
    'build',
    '--source-dir',
    `dist/${target}`,
    '--artifacts-dir',
    out,
    '--filename',
    filename,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
  console.log(`packaged artifacts/${filename}`);
}
