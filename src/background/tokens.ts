/** The persisted session and the parsing of token responses (§2.3). */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** ms epoch: time received + `expires_in` (never the zone-less `expires`, §2.4). */
  expiresAt: number;
  clientId: string;
  email: string;
  user?: { name: string; extension: string; domain: string };
}

export interface TokenGrant {
  accessToken: string;
  refreshToken?: string;
  expiresInSeconds: number;
}

const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** Only `access_token` and `expires_in` are required; everything else is optional. */
export function parseGrant(body: unknown): TokenGrant | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as Record<string, unknown>;
  const expiresIn = Number(record.expires_in);
  if (!nonEmpty(record.access_token) || !Number.isFinite(expiresIn) || expiresIn <= 0) return null;
  return {
    accessToken: record.access_token,
    expiresInSeconds: expiresIn,
    ...(nonEmpty(record.refresh_token) ? { refreshToken: record.refresh_token } : {}),
  };
}

/** Stored data is untrusted too: anything malformed counts as no session. */
export function parseStoredSession(raw: unknown): StoredSession | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (
    !nonEmpty(r.accessToken) ||
    !nonEmpty(r.refreshToken) ||
    typeof r.expiresAt !== 'number' ||
    typeof r.clientId !== 'string' ||
    typeof r.email !== 'string'
  ) {
    return null;
  }
  const u = r.user as Record<string, unknown> | undefined;
  const user =
    u &&
    typeof u.name === 'string' &&
    typeof u.extension === 'string' &&
    typeof u.domain === 'string'
      ? { name: u.name, extension: u.extension, domain: u.domain }
      : undefined;
  return {
    accessToken: r.accessToken,
    refreshToken: r.refreshToken,
    expiresAt: r.expiresAt,
    clientId: r.clientId,
    email: r.email,
    ...(user ? { user } : {}),
  };
}
