// webstruct's labels: which are North American, and when a found number is a labelled one.
import { parsePhoneNumberFromString as parseWithMaxMetadata } from 'libphonenumber-js/max';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

export interface WebstructPage {
  file: string;
  set: string;
  gold: Array<{ type: string; text: string; digits: string }>;
}

// A labelled number counts as US/Canada when it is a valid NANP number under full metadata.
export const isNanpDigits = (d: string) =>
  /^1?[2-9]\d{2}[2-9]\d{6}$/.test(d) &&
  parseWithMaxMetadata(`+1${d.slice(-10)}`)?.isValid() === true;
// A found number matches a label when the label's digits are that number written some way:
// national (with or without a trunk prefix), with the country code, or behind an IDD prefix. A
// North American label only matches a +1 number and another label only a number of another
// country, so a wrong-country reading is not credited.
export function matchesLabel(foundDigits: string, goldDigits: string, nanpLabel: boolean): boolean {
  const phone = parsePhoneNumberFromString(`+${foundDigits}`);
  if (!phone) return false;
  const cc = phone.countryCallingCode;
  const nsn = phone.nationalNumber;
  if (nanpLabel) return cc === '1' && goldDigits.slice(-10) === nsn;
  // Vanity labels carry both spellings: "1-888-LUTRON1 (588-7661)" → 1888588766 15887661.
  // Any other label that is not North American is not matched by a North American reading.
  if (cc === '1') {
    return (
      goldDigits.length > 11 && (goldDigits.startsWith(`1${nsn}`) || goldDigits.startsWith(nsn))
    );
  }
  const at = goldDigits.indexOf(nsn);
  if (at < 0) {
    // A label of a local number without its area code.
    return goldDigits.length >= 7 && nsn.endsWith(goldDigits);
  }
  const prefix = goldDigits.slice(0, at);
  return ['', '0', '8', '06', cc, `${cc}0`, `00${cc}`, `011${cc}`, `00${cc}0`].includes(prefix);
}

/**
 * The page's North American labels, one entry per distinct number; a label written "+65 …" or
 * "(65) …" (a calling code, never a North American area code), or grouped after a two-digit
 * code ("21 52387990", Shanghai's area code), is not North American whatever its digits.
 */
const NOT_NANP_AS_WRITTEN = /^\(?\+\s*[02-9]|^\(\s*[2-9]\d?\s*\)|^\d\d[\s-]\d/;

export function nanpLabelsOf(page: WebstructPage): Set<string> {
  return new Set(
    page.gold
      .filter((g) => isNanpDigits(g.digits) && !NOT_NANP_AS_WRITTEN.test(g.text))
      .map((g) => g.digits),
  );
}
