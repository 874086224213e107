import { config } from './config';
import { type HostKind, hostKind } from './host-kind';

/**
 * Rules for a webhook destination (issues 6 and 10), shared by the options form and the
 * background: `https://` only, since net2phone posts call details to it; no user name or
 * password (`https://example.com@evil.com` points at evil.com); no port 0; and a host on the
 * internet, since net2phone's servers post to it: no loopback, private, link-local, reserved or
 * single-label host (src/shared/host-kind.ts), which could only aim net2phone's servers at
 * their own network. One exception: a build whose API base is itself on 127.0.0.1/localhost
 * (the demo and the tests, never a release build) accepts loopback hosts, and `http://` on
 * `127.0.0.1` and `localhost`, since only a local API could reach them.
 */
export type WebhookUrlProblem =
  | 'invalid'
  | 'not-https'
  | 'not-https-local'
  | 'credentials'
  | 'port-zero'
  | Exclude<HostKind, 'public'>
  | 'fragment'
  | 'too-long';

export type WebhookUrlCheck = { ok: true; url: string } | { ok: false; problem: WebhookUrlProblem };

export const MAX_WEBHOOK_URL = 2000;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

const problemKeys: Record<WebhookUrlProblem, string> = {
  invalid: 'webhookUrlInvalid',
  'not-https': 'webhookUrlNotHttps',
  'not-https-local': 'webhookUrlNotHttpsLocal',
  credentials: 'webhookUrlCredentials',
  'port-zero': 'webhookUrlPortZero',
  loopback: 'webhookUrlLoopback',
  private: 'webhookUrlPrivate',
  'link-local': 'webhookUrlLinkLocal',
  unspecified: 'webhookUrlUnspecified',
  reserved: 'webhookUrlReserved',
  'single-label': 'webhookUrlSingleLabel',
  fragment: 'webhookUrlFragment',
  'too-long': 'webhookUrlTooLong',
};

function isLocalBase(apiBase: string): boolean {
  try {
    return LOCAL_HOSTS.has(new URL(apiBase).hostname);
  } catch {
    return false;
  }
}

/** Checks a destination typed by the user; on success `url` is its normalised form. */
export function checkWebhookUrl(raw: string, apiBase: string = config.apiBase): WebhookUrlCheck {
  const text = raw.trim();
  if (text.length > MAX_WEBHOOK_URL) return { ok: false, problem: 'too-long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, problem: 'not-https' };
  }
  const local = isLocalBase(apiBase);
  if (url.protocol === 'http:' && !(local && LOCAL_HOSTS.has(url.hostname))) {
    return { ok: false, problem: local ? 'not-https-local' : 'not-https' };
  }
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  if (url.port === '0') return { ok: false, problem: 'port-zero' };
  const kind = hostKind(url.hostname);
  if (kind !== 'public' && !(kind === 'loopback' && local)) return { ok: false, problem: kind };
  // A #fragment never leaves the browser, so net2phone could not post to it.
  if (url.hash !== '' || text.endsWith('#')) return { ok: false, problem: 'fragment' };
  return { ok: true, url: url.href };
}

/**
 * The message key (`public/_locales`) of the reason a destination was refused: show it with
 * `t(webhookUrlMessageKey(problem))`. A key rather than text keeps this module free of the browser
 * seam, so the router's payload guards can import it anywhere.
 */
export function webhookUrlMessageKey(problem: WebhookUrlProblem): string {
  return problemKeys[problem];
}

/**
 * A random path segment (base64url, 128 bits by default) to make a destination unguessable:
 * net2phone documents no signature, so the secret URL is the only proof a post is genuine.
 */
export function secretPathSegment(bytes = 16): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `url` with a fresh secret segment appended to its path (query kept). */
export function withSecretSegment(url: string, segment: string = secretPathSegment()): string {
  const parsed = new URL(url);
  parsed.pathname = `${parsed.pathname.replace(/\/+$/, '')}/${segment}`;
  return parsed.href;
}

/**
 * Does some path segment or query value look like a secret (≥ 16 URL-safe characters mixing at
 * least two of lower case, upper case and digits)? The form suggests adding one when not; it is
 * never required.
 */
export function hasSecretSegment(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const parts = [...parsed.pathname.split('/'), ...parsed.searchParams.values()];
  return parts.some(
    (p) =>
      /^[A-Za-z0-9_~.-]{16,}$/.test(p) &&
      [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(p)).length >= 2,
  );
}
