import { type CountryCode, isSupportedCountry } from 'libphonenumber-js/min';

// Office lists and footers on `.com` pages name the country next to its number: "Doha, Qatar
// Tel: 974 44321784", "Jebel Ali, Dubai, United Arab Emirates Tel: 971 48131941". The page gives
// no hint and the number is not valid for the user's country, but the block itself says how to
// read it. A number is read as a named country's only when that country, and no other, is named
// before it in its block (by name or, for Britain, a postcode such as "WC2H 9HQ"): a name after a
// number labels the next one ("0800-146-573 (GB) / 1800-409-623 (Republic of Ireland)").

// English country names (CLDR's, with "and" for "&"), one `CODE:Name` per entry. Left out: the
// user's country, which needs no naming, and names that are also common words, people or US states
// ("Georgia", "New Jersey", "Jordan", "Chad", "Togo", "Mali", "Niger", "Dominica").
const NAMES = `
AC:Ascension Island|AD:Andorra|AE:United Arab Emirates|AF:Afghanistan|AG:Antigua and Barbuda|
AI:Anguilla|AL:Albania|AM:Armenia|AO:Angola|AR:Argentina|AS:American Samoa|AT:Austria|
AU:Australia|AW:Aruba|AX:Åland Islands|AZ:Azerbaijan|BA:Bosnia and Herzegovina|BB:Barbados|
BD:Bangladesh|BE:Belgium|BF:Burkina Faso|BG:Bulgaria|BH:Bahrain|BI:Burundi|BJ:Benin|
BL:Saint Barthélemy|BM:Bermuda|BN:Brunei|BO:Bolivia|BQ:Caribbean Netherlands|BR:Brazil|
BS:Bahamas|BT:Bhutan|BW:Botswana|BY:Belarus|BZ:Belize|CA:Canada|CC:Cocos|CD:Congo - Kinshasa|
CF:Central African Republic|CG:Congo - Brazzaville|CH:Switzerland|CI:Côte d'Ivoire|
CK:Cook Islands|CL:Chile|CM:Cameroon|CN:China|CO:Colombia|CR:Costa Rica|CU:Cuba|CV:Cape Verde|
CW:Curaçao|CX:Christmas Island|CY:Cyprus|CZ:Czechia|DE:Germany|DJ:Djibouti|DK:Denmark|
DO:Dominican Republic|DZ:Algeria|EC:Ecuador|EE:Estonia|EG:Egypt|EH:Western Sahara|ER:Eritrea|
ES:Spain|ET:Ethiopia|FI:Finland|FJ:Fiji|FK:Falkland Islands|FM:Micronesia|FO:Faroe Islands|
FR:France|GA:Gabon|GB:United Kingdom|GD:Grenada|GF:French Guiana|GG:Guernsey|GH:Ghana|
GI:Gibraltar|GL:Greenland|GM:Gambia|GN:Guinea|GP:Guadeloupe|GQ:Equatorial Guinea|GR:Greece|
GT:Guatemala|GU:Guam|GW:Guinea-Bissau|GY:Guyana|HK:Hong Kong|HN:Honduras|HR:Croatia|HT:Haiti|
HU:Hungary|ID:Indonesia|IE:Ireland|IL:Israel|IM:Isle of Man|IN:India|
IO:British Indian Ocean Territory|IQ:Iraq|IR:Iran|IS:Iceland|IT:Italy|JM:Jamaica|JP:Japan|
KE:Kenya|KG:Kyrgyzstan|KH:Cambodia|KI:Kiribati|KM:Comoros|KN:Saint Kitts and Nevis|
KP:North Korea|KR:South Korea|KW:Kuwait|KY:Cayman Islands|KZ:Kazakhstan|LA:Laos|LB:Lebanon|
LC:Saint Lucia|LI:Liechtenstein|LK:Sri Lanka|LR:Liberia|LS:Lesotho|LT:Lithuania|LU:Luxembourg|
LV:Latvia|LY:Libya|MA:Morocco|MC:Monaco|MD:Moldova|ME:Montenegro|MF:Saint Martin|MG:Madagascar|
MH:Marshall Islands|MK:North Macedonia|MM:Myanmar|MN:Mongolia|MO:Macao|
MP:Northern Mariana Islands|MQ:Martinique|MR:Mauritania|MS:Montserrat|MT:Malta|MU:Mauritius|
MV:Maldives|MW:Malawi|MX:Mexico|MY:Malaysia|MZ:Mozambique|NA:Namibia|NC:New Caledonia|
NF:Norfolk Island|NG:Nigeria|NI:Nicaragua|NL:Netherlands|NO:Norway|NP:Nepal|NR:Nauru|NU:Niue|
NZ:New Zealand|OM:Oman|PA:Panama|PE:Peru|PF:French Polynesia|PG:Papua New Guinea|PH:Philippines|
PK:Pakistan|PL:Poland|PM:Saint Pierre and Miquelon|PR:Puerto Rico|PS:Palestinian Territories|
PT:Portugal|PW:Palau|PY:Paraguay|QA:Qatar|RE:Réunion|RO:Romania|RS:Serbia|RU:Russia|RW:Rwanda|
SA:Saudi Arabia|SB:Solomon Islands|SC:Seychelles|SD:Sudan|SE:Sweden|SG:Singapore|SH:Saint Helena|
SI:Slovenia|SJ:Svalbard and Jan Mayen|SK:Slovakia|SL:Sierra Leone|SM:San Marino|SN:Senegal|
SO:Somalia|SR:Suriname|SS:South Sudan|ST:São Tomé and Príncipe|SV:El Salvador|SX:Sint Maarten|
SY:Syria|SZ:Eswatini|TA:Tristan da Cunha|TC:Turks and Caicos Islands|TH:Thailand|TJ:Tajikistan|
TK:Tokelau|TL:Timor-Leste|TM:Turkmenistan|TN:Tunisia|TO:Tonga|TR:Türkiye|TT:Trinidad and Tobago|
TV:Tuvalu|TW:Taiwan|TZ:Tanzania|UA:Ukraine|UG:Uganda|UY:Uruguay|UZ:Uzbekistan|VA:Vatican City|
VC:Saint Vincent and Grenadines|VE:Venezuela|VG:British Virgin Islands|VI:U.S. Virgin Islands|
VN:Vietnam|VU:Vanuatu|WF:Wallis and Futuna|WS:Samoa|XK:Kosovo|YE:Yemen|YT:Mayotte|
ZA:South Africa|ZM:Zambia|ZW:Zimbabwe`;
// Names people write besides the CLDR ones.
const ALIASES =
  'US:USA|US:U.S.A.|US:United States|GB:UK|GB:U.K.|GB:Great Britain|GB:England|GB:Scotland|' +
  'GB:Wales|AE:UAE|AE:U.A.E.|HK:Hong Kong|MO:Macau|LK:Srilanka|KR:Korea|TR:Turkey|MM:Burma|' +
  'CZ:Czech Republic|NL:Holland|BA:Bosnia-Herzegovina|CI:Ivory Coast';
// A British postcode: outward code, a space, inward code ("SK9 2GH", "EC1A 1BB").
const UK_POSTCODES = /\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/g;

let names: { pattern: RegExp; byName: Map<string, CountryCode> } | undefined;

// Compiled on first need: only blocks with digits left unread get this far.
function countryNames(): { pattern: RegExp; byName: Map<string, CountryCode> } {
  if (names) return names;
  const byName = new Map<string, CountryCode>();
  for (const entry of `${NAMES.replace(/\n/g, '')}|${ALIASES}`.split('|')) {
    const code = entry.slice(0, 2);
    if (isSupportedCountry(code)) byName.set(entry.slice(3), code);
  }
  const escaped = [...byName.keys()]
    .sort((x, y) => y.length - x.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}])(?:${escaped.join('|')})(?![\\p{L}])`, 'gu');
  names = { pattern, byName };
  return names;
}

export interface NamedCountry {
  /** Where the name (or postcode) ends in the text. */
  end: number;
  country: CountryCode;
}

/** Countries `text` names (by name, or a British postcode), other than the `known` ones. */
export function countriesNamedIn(
  text: string,
  known: ReadonlyArray<CountryCode | undefined>,
): NamedCountry[] {
  const { pattern, byName } = countryNames();
  const out: NamedCountry[] = [];
  const add = (country: CountryCode | undefined, end: number) => {
    if (country !== undefined && !known.includes(country)) out.push({ end, country });
  };
  pattern.lastIndex = 0;
  for (const m of text.matchAll(pattern)) add(byName.get(m[0]), m.index + m[0].length);
  for (const m of text.matchAll(UK_POSTCODES)) add('GB', m.index + m[0].length);
  return out;
}

/** The one country named before `at`, if exactly one is. */
export function onlyCountryBefore(named: NamedCountry[], at: number): CountryCode | undefined {
  let found: CountryCode | undefined;
  for (const n of named) {
    if (n.end > at) continue;
    if (found !== undefined && n.country !== found) return undefined;
    found = n.country;
  }
  return found;
}
