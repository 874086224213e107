import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

/**
 * Build the extension against a local fake API (N2P_API_BASE) into a fresh
 * folder, so e2e runs never touch dist/ and every run tests current sources.
 * Without `apiBase` it is the release build, as `npm run package` makes it with
 * no configuration set: N2P_API_BASE and N2P_CLIENT_ID absent from the env.
 */
const built: string[] = [];
// Each test file builds its own copy; remove them when the test process ends.
process.once('exit', () => {
  for (const dir of built) rmSync(dir, { recursive: true, force: true });
});

export async function buildExtension(target: 'chrome' | 'firefox', apiBase?: string) {
  const outDir = mkdtempSync(path.join(tmpdir(), `n2p-${target}-`));
  built.push(outDir);
  const saved = { ...process.env };
  // As a release is built (scripts/build.ts): not vitest's NODE_ENV=test, whose development
  // JSX runtime would put file paths into the bundle.
  Object.assign(process.env, { N2P_TARGET: target, N2P_OUT_DIR: outDir, NODE_ENV: 'production' });
  if (apiBase === undefined) {
    delete process.env.N2P_API_BASE;
    delete process.env.N2P_CLIENT_ID;
  } else {
    Object.assign(process.env, { N2P_API_BASE: apiBase, N2P_CLIENT_ID: '' });
  }
  try {
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'error' });
  } finally {
    for (const key of ['N2P_TARGET', 'N2P_API_BASE', 'N2P_CLIENT_ID', 'N2P_OUT_DIR', 'NODE_ENV']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
  return outDir;
}
