/**
 * What kind of place a URL's host names, for the webhook destination rules (issue 10): only a
 * `public` host is one net2phone's servers could post to. Takes `URL.hostname` as the WHATWG
 * parser leaves it: IPv4 in any spelling (`0x7f000001`, `2130706433`, `0177.0.0.1`, `127.1`)
 * is already dotted decimal, IPv6 is bracketed, compressed and lower case, and an embedded
 * IPv4 (`[::ffff:127.0.0.1]`) is already hex (`[::ffff:7f00:1]`).
 */
export type HostKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unspecified'
  | 'reserved'
  | 'single-label';

/** `[first address, prefix length, kind]`; the first match wins. */
type Range4 = readonly [string, number, HostKind];

// RFC 6890 and the IANA special-purpose registries; the ones a webhook could be aimed at.
const IPV4_RANGES: readonly Range4[] = [
  ['0.0.0.0', 8, 'unspecified'], // "this network"; 0.0.0.0 reaches this computer on Linux
  ['127.0.0.0', 8, 'loopback'],
  ['10.0.0.0', 8, 'private'],
  ['172.16.0.0', 12, 'private'],
  ['192.168.0.0', 16, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT (RFC 6598)
  ['169.254.0.0', 16, 'link-local'], // includes cloud metadata at 169.254.169.254
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['224.0.0.0', 3, 'reserved'], // multicast, reserved, broadcast
];

function ipv4Number(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) {
    return null;
  }
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function ipv4Kind(address: number): HostKind {
  for (const [first, bits, kind] of IPV4_RANGES) {
    const size = 2 ** (32 - bits);
    const start = ipv4Number(first) ?? 0;
    if (address >= start && address < start + size) return kind;
  }
  return 'public';
}

/** The eight 16-bit groups of a compressed IPv6 address (no brackets, no zone), or null. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (half: string | undefined) =>
    half
      ? half.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : Number.NaN))
      : [];
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return null;
  const groups = [...head, ...new Array<number>(halves.length === 1 ? 0 : fill).fill(0), ...tail];
  return groups.some(Number.isNaN) ? null : groups;
}

function ipv6Kind(groups: readonly number[]): HostKind {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = g6 * 65_536 + g7;
  const zeroUpTo = (n: number) => groups.slice(0, n).every((g) => g === 0);
  if (zeroUpTo(8)) return 'unspecified'; // ::
  if (zeroUpTo(7) && g7 === 1) return 'loopback'; // ::1
  // An IPv4 address inside an IPv6 one reaches that IPv4 host: ::ffff:a.b.c.d (mapped),
  // ::a.b.c.d (compatible, deprecated) and 64:ff9b::a.b.c.d (NAT64).
  if (zeroUpTo(5) && g5 === 0xffff) return ipv4Kind(embedded);
  if (zeroUpTo(6)) return ipv4Kind(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) {
    return ipv4Kind(embedded);
  }
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7, unique local
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, the former site-local
  if ((g0 & 0xff00) === 0xff00) return 'reserved'; // multicast
  return 'public';
}

/** Classifies `URL.hostname`. */
export function hostKind(hostname: string): HostKind {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') && host.endsWith(']')) {
    const groups = ipv6Groups(host.slice(1, -1));
    return groups ? ipv6Kind(groups) : 'reserved';
  }
  const v4 = ipv4Number(host);
  if (v4 !== null) return ipv4Kind(v4);
  // RFC 6761: localhost and every name under it are this computer.
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  // `intranet`: resolved by the local network's search domains, never from the internet.
  if (!host.includes('.')) return 'single-label';
  return 'public';
}
