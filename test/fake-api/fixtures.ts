/**
 * Response bodies for the read-only endpoints, built from the signed-in user.
 * Shapes: integrate-api.md §6 (user), §7 (devices), §8 (caller IDs and phone numbers,
 * whose shapes are assumed — no schema is published).
 */
import { type FakeUser, scopeOf } from './users';

/** §6 `GET /api/users/current/`. */
export function userProfile(u: FakeUser) {
  return {
    username: u.username,
    user: u.user,
    domain: u.domain,
    last_name: u.lastName,
    first_name: u.firstName,
    email: u.email,
    time_zone: 'America/New_York',
    scope: scopeOf(u),
  };
}

/**
 * §7 `GET /api/devices/users/current/`: a desk phone registered on the user's own extension
 * and a softphone on a suffixed AOR, so a device picker has a real choice to offer.
 */
export function userDevices(u: FakeUser) {
  return [
    {
      aor: `sip:${u.user}@${u.domain}`,
      aor_user: u.user,
      mac: '0004f2a1b2c3',
      model: 'Polycom VVX 450',
      registration_time: '2024-01-15T14:59:59+00:00',
    },
    {
      aor: `sip:${u.user}a@${u.domain}`,
      aor_user: `${u.user}a`,
      mac: '',
      model: 'net2phone Softphone',
      registration_time: '2024-01-16T09:30:00+00:00',
    },
  ];
}

/** §8 `GET /api/caller_id_numbers/` (assumed shape: field names from the create call). */
export const callerIdNumbers = [
  { e164: '+19735550100', description: 'Main line' },
  { e164: '+16135550101', description: 'Support' },
];

/** §8 `GET /api/phone_numbers/` (assumed shape: objects with an `e164` string). */
export const phoneNumbers = [{ e164: '+19735550100' }, { e164: '+16135550101' }];
