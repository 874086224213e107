import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unzip } from './support/unzip';

/** `npm run package` writes both store archives, and the Firefox one passes web-ext lint. */
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
};
const archive = (target: string) => path.resolve('artifacts', `${name}-${target}-${version}.zip`);

describe('release packages', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'package'], { stdio: 'pipe' });
  }, 120_000);

  it('writes a Chrome zip with the package version and a service worker', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'n2p-chrome-zip-'));
    const files = unzip(archive('chrome'), dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(version);
    expect(manifest.background.service_worker).toBeTruthy();
    expect(manifest.browser_specific_settings).toBeUndefined();
    // The store refuses a manifest `key` (it gives its own id); the policy schema stays.
    expect(manifest.key).toBeUndefined();
    expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
    expect(files).toContain('managed-schema.json');
    expect(files).toContain('_locales/en/messages.json');
    // Nothing of ours is exposed to web pages (the parser runs in the background).
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('writes a Firefox package that web-ext lint accepts', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'n2p-firefox-zip-'));
    unzip(archive('firefox'), dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(version);
    expect(manifest.background.scripts).toHaveLength(1);
    expect(manifest.browser_specific_settings.gecko.strict_min_version).toBe('140.0');
    const report = execFileSync('npx', ['tsx', 'scripts/lint-firefox.ts', dir], {
      encoding: 'utf8',
    });
    expect(report).toMatch(/0 errors, 0 unexplained warnings/);
  });

  it('writes a source archive that rebuilds the Firefox package file for file', () => {
    const source = mkdtempSync(path.join(tmpdir(), 'n2p-source-'));
    const files = unzip(archive('source'), source);
    expect(files).toEqual(expect.arrayContaining(['SOURCE-README.md', 'package-lock.json']));
    expect(files.filter((f) => /^(node_modules|dist|artifacts)\//.test(f))).toEqual([]);
    const readme = readFileSync(path.join(source, 'SOURCE-README.md'), 'utf8');
    expect(readme).toContain('npm ci');
    expect(readme).toContain('npm run build');
    // What `npm ci` would install, without downloading it again: this checkout's node_modules.
    symlinkSync(path.resolve('node_modules'), path.join(source, 'node_modules'), 'dir');
    // Exactly as SOURCE-README.md says (both targets: building Chrome first changes Firefox's chunk names).
    execFileSync('npm', ['run', 'build'], { cwd: source, stdio: 'pipe' });
    const packaged = mkdtempSync(path.join(tmpdir(), 'n2p-firefox-zip-'));
    const shipped = unzip(archive('firefox'), packaged).sort();
    for (const file of shipped) {
      const rebuilt = path.join(source, 'dist/firefox', file);
      expect(existsSync(rebuilt), file).toBe(true);
      expect(readFileSync(rebuilt).equals(readFileSync(path.join(packaged, file))), file).toBe(
        true,
      );
    }
  }, 120_000);
});
