/**
 * `npm run lint:firefox`: `web-ext lint` on dist/firefox. Fails on any error and
 * on any warning except the ones explained below, so a new warning cannot slip in.
 */
import { execFileSync } from 'node:child_process';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

/** Warnings we cannot remove, each with the reason (also in the README). */
const explained: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^assets\/.*\.js$/,
    why: "preact's renderer assigns innerHTML only for dangerouslySetInnerHTML, which this extension never uses",
  },
];

const sourceDir = process.argv[2] ?? 'dist/firefox';
let output: string;
try {
  output = execFileSync(
    'npx',
    ['web-ext', 'lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
} catch (error) {
  // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
  output = String((error as { stdout?: unknown }).stdout ?? '');
}
const report = JSON.parse(output) as {
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
};
const unexplained = report.warnings.filter(
  (w) => !explained.some((e) => e.code === w.code && e.file.test(w.file ?? '')),
);
const known = report.warnings.length - unexplained.length;
for (const item of [...report.errors, ...unexplained]) {
  console.error(`${item.code} ${item.file ?? ''}: ${item.message}`);
}
console.log(
  `web-ext lint ${sourceDir}: ${report.errors.length} errors, ${unexplained.length} unexplained warnings, ` +
    `${known} explained warnings, ${report.notices.length} notices`,
);
for (const e of explained) console.log(`  explained: ${e.code} — ${e.why}`);
process.exit(report.errors.length + unexplained.length > 0 ? 1 : 0);
