/**
 * Real enterprise policies for the e2e tests (issue 13): the files an administrator's tooling
 * writes, read by the browsers themselves, never a stub of `storage.managed`.
 *
 * - Chromium (Debian) reads every `*.json` in /etc/chromium/policies/managed/; an extension's
 *   policy is `{"3rdparty": {"extensions": {"<id>": {...}}}}`, checked against the extension's
 *   `storage.managed_schema`.
 * - Firefox reads `distribution/policies.json` beside its real binary, once at start-up; an
 *   extension's policy is `{"policies": {"3rdparty": {"Extensions": {"<id>": {...}}}}}`.
 *
 * Both files are machine-wide, and other test runs may be using the browsers at the same time.
 * So each run gives its build an id of its own (a fresh Chrome `key`, a fresh gecko id) and names
 * only that id: no other extension, and no other run, sees the policy. The Chromium file is ours
 * alone; Firefox's one file is shared, so only our entry is added and later removed.
 */
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { BrowserName } from './driver';
import { defaultFirefoxPath } from './firefox/process';

export const CHROMIUM_POLICY_DIR = '/etc/chromium/policies/managed';

/** Where the browser reads policies from. */
export function policyFile(name: BrowserName): string {
  return name === 'chromium'
    ? path.join(
        CHROMIUM_POLICY_DIR,
        `n2p-e2e-${process.pid}-${randomBytes(4).toString('hex')}.json`,
      )
    : path.join(path.dirname(realpathSync(defaultFirefoxPath())), 'distribution', 'policies.json');
}

/** Why policies cannot be written for `name` here (not root, read-only system), or null. */
export function cannotWritePolicies(name: BrowserName): string | null {
  let file: string;
  try {
    file = policyFile(name);
  } catch (error) {
    return `no ${name} binary found (${String(error)})`;
  }
  // The nearest folder that exists must be writable (the rest is created).
  let dir = path.dirname(file);
  while (!existsSync(dir)) dir = path.dirname(dir);
  try {
    accessSync(dir, constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
    return null;
  } catch {
    return `${name} reads policies from ${path.dirname(file)}, which this user cannot write (CI runs as root)`;
  }
}

/**
 * Gives the built extension in `dir` an id of its own and returns it: Chrome's from a fresh
 * manifest `key` (the id is the key's SHA-256, first 32 hex digits spelled a–p), Firefox's gecko id.
 */
export function giveOwnId(name: BrowserName, dir: string): string {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  let id: string;
  if (name === 'chromium') {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    manifest.key = der.toString('base64');
    id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
      .map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16)))
      .join('');
  } else {
    id = `policy-e2e-${randomBytes(6).toString('hex')}@tests.invalid`;
    manifest.browser_specific_settings.gecko.id = id;
  }
  writeFileSync(file, JSON.stringify(manifest, null, 2));
  return id;
}

/** Writes without a moment where another browser could read half a file. */
function writeAtomically(file: string, value: unknown) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temporary, file);
}

type Json = Record<string, unknown>;
const object = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};

export interface InstalledPolicy {
  /** Replaces the policy, as an administrator would (Chromium notices; Firefox reads it at start). */
  update(policy: Json): void;
  /** Removes exactly what was added: the file, or our entry in Firefox's shared one. */
  remove(): Promise<void>;
}

/** Writes `policy` for the extension `id` where `name` reads it. */
export function installPolicy(name: BrowserName, id: string, policy: Json): InstalledPolicy {
  const file = policyFile(name);
  if (name === 'chromium') {
    const write = (value: Json) =>
      writeAtomically(file, { '3rdparty': { extensions: { [id]: value } } });
    write(policy);
    return { update: write, remove: async () => rmSync(file, { force: true }) };
  }
  const existed = existsSync(file);
  const read = () => (existsSync(file) ? object(JSON.parse(readFileSync(file, 'utf8'))) : {});
  const write = (value: Json) => {
    const current = read();
    const policies = object(current.policies);
    const thirdParty = object(policies['3rdparty']);
    const extensions = object(thirdParty.Extensions);
    writeAtomically(file, {
      ...current,
      policies: {
        ...policies,
        '3rdparty': { ...thirdParty, Extensions: { ...extensions, [id]: value } },
      },
    });
  };
  write(policy);
  const remove = async () => {
    const now = read();
    const nowPolicies = object(now.policies);
    const nowThirdParty = object(nowPolicies['3rdparty']);
    const { [id]: _ours, ...others } = object(nowThirdParty.Extensions);
    const left = {
      ...now,
      policies: { ...nowPolicies, '3rdparty': { ...nowThirdParty, Extensions: others } },
    };
    const empty =
      Object.keys(others).length === 0 &&
      Object.keys(nowThirdParty).length === 1 &&
      Object.keys(nowPolicies).length === 1 &&
      Object.keys(now).length === 1;
    if (empty && !existed) rmSync(file, { force: true });
    else writeAtomically(file, left);
  };
  return { update: write, remove };
}
