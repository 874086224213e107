/** Accounts the fake knows. A user signs in with their own Client ID (an API key in real life). */
export interface FakeUser {
  username: string;
  password: string;
  clientId: string;
  /** The extension, e.g. "101". */
  user: string;
  domain: string;
  firstName: string;
  lastName: string;
  email: string;
  /**
   * The token's and the profile's `scope` (§2.3, §6); default 'Basic User'. Company-wide
   * subscriptions (`user: "*"`) need an admin scope (see subscriptions.ts).
   */
  scope?: string;
}

/** The account `npm start` prints and most tests sign in with. */
export const demoUser: FakeUser = {
  username: 'demo@example.com',
  password: 'demo-password',
  clientId: 'demo-client',
  user: '101',
  domain: 'demo.example.com',
  firstName: 'Dana',
  lastName: 'Demo',
  email: 'demo@example.com',
};

/**
 * A second account on the demo domain with an admin scope, for company-wide webhook
 * subscriptions (§9). Same Client ID: an API key belongs to the domain.
 */
export const adminUser: FakeUser = {
  username: 'admin@example.com',
  password: 'admin-password',
  clientId: 'demo-client',
  user: '100',
  domain: 'demo.example.com',
  firstName: 'Alex',
  lastName: 'Admin',
  email: 'admin@example.com',
  scope: 'Office Manager',
};

export const scopeOf = (u: FakeUser): string => u.scope ?? 'Basic User';

/**
 * Finds the user a `username` names. The real API takes a bare extension ("5067", spec.yaml)
 * or `ext@domain` (Python client test/config.py); our popup asks for an email, so all three
 * spellings are accepted. Email and domain compare case-insensitively, as addresses do.
 */
export function findUser(users: readonly FakeUser[], username: string): FakeUser | undefined {
  const wanted = username.trim().toLowerCase();
  return users.find(
    (u) =>
      u.username.toLowerCase() === wanted ||
      `${u.user}@${u.domain}`.toLowerCase() === wanted ||
      u.user === wanted,
  );
}

export function isKnownClient(users: readonly FakeUser[], clientId: string): boolean {
  return users.some((u) => u.clientId === clientId);
}
