/**
 * The number inside a `tel:` or `callto:` link (RFC 3966, plus Skype's `callto://`),
 * without parameters, or null for any other link.
 */
export function numberFromTelUri(href: string): string | null {
  const match = /^\s*(?:tel|callto):(?:\/\/)?([^?#]*)/i.exec(href);
  if (!match?.[1]) return null;
  let value: string;
  try {
    value = decodeURIComponent(match[1]);
  } catch {
    value = match[1];
  }
  // `;ext=12` is kept as an extension; other parameters (`;phone-context=…`) are dropped.
  const [main = '', ...params] = value.split(';');
  const ext = params.find((p) => /^ext=\d+$/i.test(p.trim()));
  const number = main.trim();
  if (number === '') return null;
  return ext ? `${number} x${ext.trim().slice(4)}` : number;
}
