/**
 * `npm run package`: store-ready archives in artifacts/, versioned from package.json:
 * - a Chrome Web Store zip (without the manifest's development `key`, which the store refuses),
 * - a Firefox package (web-ext build),
 * - the source archive addons.mozilla.org requires for bundled code: every file tracked in git,
 *   as it is in the working tree, with a SOURCE-README.md giving the exact commands and
 *   configuration that rebuild the Firefox package.
 * Builds first, against N2P_API_BASE / N2P_CLIENT_ID as set (see README).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zip } from './zip';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
};
const out = path.resolve('artifacts');
mkdirSync(out, { recursive: true });

const run = (args: string[]) => execFileSync('npx', args, { stdio: 'inherit' });
const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8' });

run(['tsx', 'scripts/build.ts']);

// The Chrome Web Store gives the extension its own id and refuses a manifest with `key`.
const chromeDir = mkdtempSync(path.join(tmpdir(), 'n2p-chrome-store-'));
cpSync('dist/chrome', chromeDir, { recursive: true });
const chromeManifest = JSON.parse(readFileSync(path.join(chromeDir, 'manifest.json'), 'utf8'));
delete chromeManifest.key;
writeFileSync(path.join(chromeDir, 'manifest.json'), JSON.stringify(chromeManifest));

for (const [target, sourceDir] of [
  ['chrome', chromeDir],
  ['firefox', 'dist/firefox'],
] as const) {
  const filename = `${name}-${target}-${version}.zip`;
  rmSync(path.join(out, filename), { force: true });
  run([
    'web-ext',
    'build',
    '--source-dir',
    sourceDir,
    '--artifacts-dir',
    out,
    '--filename',
    filename,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);
  console.log(`packaged artifacts/${filename}`);
}
rmSync(chromeDir, { recursive: true, force: true });

// The source archive for addons.mozilla.org.
const files = git(['ls-files', '-z'])
  .split('\0')
  .filter((file) => file !== '')
  .sort();
let commit = 'unknown';
let dirty = false;
try {
  commit = git(['rev-parse', 'HEAD']).trim();
  dirty = git(['status', '--porcelain', '--untracked-files=no']).trim() !== '';
} catch {
  // Not a git checkout: the file list above would have failed first.
}
const env = (key: string) => (process.env[key] ?? '').trim();
const readme = sourceReadme({
  version,
  commit: dirty ? `${commit} (plus uncommitted changes to tracked files)` : commit,
  apiBase: env('N2P_API_BASE'),
  clientId: env('N2P_CLIENT_ID'),
  node: process.version,
  npm: execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim(),
  firefoxPackage: `${name}-firefox-${version}.zip`,
});
const sourceName = `${name}-source-${version}.zip`;
writeFileSync(
  path.join(out, sourceName),
  zip([
    { name: 'SOURCE-README.md', data: Buffer.from(readme) },
    ...files.map((file) => ({ name: file, data: readFileSync(file) })),
  ]),
);
console.log(`packaged artifacts/${sourceName} (${files.length} files)`);

interface SourceFacts {
  version: string;
  commit: string;
  apiBase: string;
  clientId: string;
  node: string;
  npm: string;
  firefoxPackage: string;
}

function sourceReadme(f: SourceFacts): string {
  const vars = [
    f.apiBase ? `N2P_API_BASE=${f.apiBase}` : '',
    f.clientId ? `N2P_CLIENT_ID=${f.clientId}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `# Click-to-Call for net2phone ${f.version}: source code for review

This archive holds every file of the project's git repository (commit ${f.commit}), as
\`npm run package\` found them when it built \`${f.firefoxPackage}\`. Nothing in the add-on is
obfuscated: the code is TypeScript and TSX (preact), bundled and minified by Vite 8 with
@crxjs/vite-plugin. Third-party code comes from npm, pinned by \`package-lock.json\`.

## Build environment

- Node.js ${f.node} (any 20.x or later works), npm ${f.npm}
- Linux, macOS or Windows; no other tool is needed for the build.

## Rebuild the Firefox add-on

\`\`\`sh
npm ci
${vars ? `${vars} ` : ''}npm run build
\`\`\`

The add-on is then in \`dist/firefox/\`; its files are those of \`${f.firefoxPackage}\`.
${
  vars
    ? `The variables above are the build-time configuration this package was made with (README,
"Configuration").`
    : `This package was built with no configuration: N2P_API_BASE and N2P_CLIENT_ID unset (README,
"Configuration"), so it talks to https://integrate.versature.com.`
}

\`npm run package\` makes the same build and zips it with \`web-ext build\` (plus the Chrome
package and this archive). \`npm test\` runs the checks, including \`web-ext lint\` on
\`dist/firefox\`.

## Where things are

- \`manifest.json\`: the one manifest; \`vite.config.ts\` derives the Firefox one from it.
- \`src/\`: one folder per part of the extension (background, content, popup, options), the
  phone-number engine (\`src/phone\`) and shared code. \`docs/architecture.md\` explains them.
- \`test/\`: unit and end-to-end tests, and a fake of the net2phone API used only by them.
`;
}
