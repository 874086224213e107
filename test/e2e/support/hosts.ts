/**
 * Test pages are served where users meet numbers: on sites of their own, which the extension
 * holds no host permission for (DESIGN: "Tests run where users are"). The page server listens on
 * 127.0.0.1; each browser resolves these names there. 127.0.0.1 itself is the fake API's host,
 * the one host the test build may reach, so no page is ever served from it.
 */
export const HOSTS = {
  /** The main site: a CRM, a contact page… */
  crm: 'crm.example.test',
  /** A second site (a German shop), e.g. for the per-site switch. */
  shop: 'shop.example.de',
  /** A third party whose frames other sites embed (ads, widgets). */
  ads: 'ads.example.net',
} as const;

const DOMAINS = ['*.example.test', '*.example.de', '*.example.net'];

/** Chromium: resolve the test domains to 127.0.0.1, plus any extra `MAP` rules. */
export function chromiumHostRules(extra: string[] = []): string {
  return `--host-resolver-rules=${[...DOMAINS.map((d) => `MAP ${d} 127.0.0.1`), ...extra].join(', ')}`;
}

/** Firefox: `network.dns.localDomains` resolves exactly these names to 127.0.0.1. */
export function firefoxHostPrefs(): Record<string, string | boolean> {
  return {
    'network.dns.localDomains': Object.values(HOSTS).join(','),
    // HTTPS-First would try https://crm.example.test:PORT first; the page server speaks http.
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
  };
}
