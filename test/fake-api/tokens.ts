/**
 * Access and refresh tokens the fake has issued, with expiry on the fake clock.
 * Lifetimes and formats follow integrate-api.md §2.3–§2.4.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { type FakeUser, scopeOf } from './users';

/** "The refresh token lasts 90 days; after that the user must sign in again" (§2.4). */
export const REFRESH_TOKEN_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export interface Grant {
  user: FakeUser;
  clientId: string;
  /** Fake-clock ms; the token is expired once `now >= expiresAt`. */
  expiresAt: number;
}

/** Response body of a successful grant: the v1.9 example shape (§2.3). */
export interface TokenResponse {
  domain: string;
  user_id: string;
  account_id: null;
  access_token: string;
  expires: string;
  expires_in: number;
  token_type: 'Bearer';
  jwt_token: string;
  scope: string;
  refresh_token: string;
}

export type Authentication =
  | { ok: true; accessToken: string; grant: Grant }
  | { ok: false; reason: 'unknown' | 'expired' };

export interface TokenStoreOptions {
  now: () => number;
  accessTokenTtlSeconds: number;
  rotateRefreshToken: boolean;
}

/**
 * The spec's `expires` is ISO-8601 UTC with microseconds and no zone suffix
 * ("2021-05-03T10:19:37.822793"); clients must not parse it, so the fake reproduces the quirk.
 */
export function zonelessIso(ms: number): string {
  return `${new Date(ms).toISOString().replace('Z', '')}000`;
}

/** 40 random bytes → 54 URL-safe characters, the length of the documented example. */
function newRefreshToken(): string {
  return randomBytes(40).toString('base64url');
}

/** Looks like the RS256 JWT the API returns; nothing should verify or decode it. */
function fakeJwt(user: FakeUser, expiresAt: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = part({ alg: 'RS256', typ: 'JWT' });
  const payload = part({ sub: user.user, domain: user.domain, exp: Math.floor(expiresAt / 1000) });
  return `${header}.${payload}.${randomBytes(32).toString('base64url')}`;
}

export class TokenStore {
  private readonly access = new Map<string, Grant>();
  private readonly refresh = new Map<string, Grant>();

  constructor(private readonly options: TokenStoreOptions) {}

  /** Lifetime of access tokens issued from now on (tests of near-expiry refresh). */
  setAccessTokenTtl(seconds: number): void {
    this.options.accessTokenTtlSeconds = seconds;
  }

  /** Password grant: a fresh access token and a fresh 90-day refresh token. */
  signIn(user: FakeUser, clientId: string): TokenResponse {
    const refreshToken = newRefreshToken();
    this.refresh.set(refreshToken, {
      user,
      clientId,
      expiresAt: this.options.now() + REFRESH_TOKEN_TTL_MS,
    });
    return this.issue(user, clientId, refreshToken);
  }

  /**
   * Refresh grant. Returns undefined for an unknown, expired or other-client refresh token.
   * By default the refresh token comes back unchanged, as the Python client's tests observe
   * (§2.3); with rotation the old one is forgotten and a new 90-day one is issued.
   */
  refreshGrant(refreshToken: string, clientId: string): TokenResponse | undefined {
    const grant = this.refresh.get(refreshToken);
    if (!grant || grant.clientId !== clientId) return undefined;
    if (this.options.now() >= grant.expiresAt) {
      this.refresh.delete(refreshToken);
      return undefined;
    }
    if (!this.options.rotateRefreshToken) return this.issue(grant.user, clientId, refreshToken);
    this.refresh.delete(refreshToken);
    return this.signIn(grant.user, clientId);
  }

  authenticate(accessToken: string): Authentication {
    const grant = this.access.get(accessToken);
    if (!grant) return { ok: false, reason: 'unknown' };
    if (this.options.now() >= grant.expiresAt) return { ok: false, reason: 'expired' };
    return { ok: true, accessToken, grant };
  }

  expireAllAccessTokens(): void {
    const now = this.options.now();
    for (const grant of this.access.values()) grant.expiresAt = Math.min(grant.expiresAt, now);
  }

  revokeRefreshTokens(): void {
    this.refresh.clear();
  }

  private issue(user: FakeUser, clientId: string, refreshToken: string): TokenResponse {
    const ttl = this.options.accessTokenTtlSeconds;
    const expiresAt = this.options.now() + ttl * 1000;
    // A v1.9 access token is a 36-character hyphenated hex string: a UUID has that shape.
    const accessToken = randomUUID();
    this.access.set(accessToken, { user, clientId, expiresAt });
    return {
      domain: user.domain,
      user_id: user.user,
      account_id: null,
      access_token: accessToken,
      expires: zonelessIso(expiresAt),
      expires_in: ttl,
      token_type: 'Bearer',
      jwt_token: fakeJwt(user, expiresAt),
      scope: scopeOf(user),
      refresh_token: refreshToken,
    };
  }
}
