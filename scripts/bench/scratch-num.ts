import { findPhoneNumbers } from '../../src/phone/index';
const areas = [201, 212, 213, 305, 312, 415, 617, 646, 702, 713, 718, 773, 818, 917, 973];
let ok = 0;
for (let i = 0; i < 1000; i++) {
  const a = areas[i % areas.length];
  const ex = 200 + ((i * 37) % 700);
  const line = String((i * 7919) % 10000).padStart(4, '0');
  const t = `Contact ${i}: (${a}) ${ex}-${line}`;
  const f = findPhoneNumbers(t, { defaultCountry: 'US' });
  if (f.length === 1) ok++; else if (i < 2000) console.log('bad', t, f.length);
}
console.log(ok, findPhoneNumbers('Support: (973) 555-1212', { defaultCountry: 'US' }));
