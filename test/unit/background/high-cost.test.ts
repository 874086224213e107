import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser', async () => {
  const { i18nOnlyBrowser } = await import('../support/fake-i18n');
  return i18nOnlyBrowser();
});

import { classify, placeOf } from '../../../src/background/high-cost';

const kinds = (e164: string, home = 'US') => classify(e164, home).categories;

describe('high-cost destinations', () => {
  it.each([
    ['+19009761234', 'a 1-900 number'],
    ['+12129761234', 'a 976 exchange in New York (typed as an ordinary line by libphonenumber)'],
    ['+449098790000', 'UK 09'],
    ['+33891234567', 'French 089'],
  ])('%s (%s) is premium-rate', (e164) => {
    expect(kinds(e164)).toContain('premium');
  });

  it.each([
    ['+447011234567', 'a UK 070 personal number'],
    ['+4918012345678', 'German 0180 shared cost'],
    ['+80812345678', 'the ITU international shared cost service'],
  ])('%s (%s) is shared-cost', (e164) => {
    expect(kinds(e164)).toEqual(['sharedCost']);
  });

  it('a shared-cost number at home costs about a local call: not flagged (Brazil 4004, Germany 0180)', () => {
    expect(kinds('+5540041234', 'BR')).toEqual([]);
    expect(kinds('+4918012345678', 'DE')).toEqual([]);
    expect(kinds('+5540041234', 'US')).toEqual(['sharedCost']);
    // A UK personal number is flagged even for a user in Britain.
    expect(kinds('+447011234567', 'GB')).toEqual(['sharedCost']);
  });

  it.each(['+8821612345678', '+883510012345678', '+881612345678', '+870773111111'])(
    '%s is a satellite or international network, wherever the user is',
    (e164) => {
      expect(kinds(e164, 'US')).toEqual(['satellite']);
      expect(kinds(e164, 'GB')).toEqual(['satellite']);
      expect(classify(e164, 'US').country).toBeUndefined();
    },
  );

  it.each([
    ['+18092491234', 'DO'],
    ['+18769271234', 'JM'],
    ['+14734441234', 'GD'],
    ['+12844941234', 'VG'],
    ['+16499461234', 'TC'],
    ['+16644911234', 'MS'],
    ['+17674481234', 'DM'],
  ])(
    '%s rings in %s: flagged for a user in the US or Canada, not in that country itself',
    (e164, country) => {
      expect(classify(e164, 'US')).toMatchObject({ country, categories: ['northAmerica'] });
      expect(kinds(e164, 'CA')).toEqual(['northAmerica']);
      expect(kinds(e164, country)).toEqual([]);
    },
  );

  it('the US, Canada and the US territories are one home; +1 is not flagged for users outside the plan', () => {
    for (const e164 of ['+16135550123', '+17873334444', '+13405551234', '+16715551234']) {
      expect(kinds(e164, 'US')).toEqual([]);
    }
    expect(kinds('+12125550123', 'CA')).toEqual([]);
    // Seen from Britain, a +1 876 number is an international call that says so.
    expect(kinds('+18769271234', 'GB')).toEqual([]);
    // A user in Jamaica calling the US is flagged: another country of the plan.
    expect(kinds('+12125550123', 'JM')).toEqual(['northAmerica']);
  });

  it('Cuba is a toll-fraud destination except for a user in Cuba', () => {
    expect(classify('+5378321234', 'US')).toMatchObject({
      country: 'CU',
      categories: ['tollFraud'],
    });
    expect(kinds('+5378321234', 'CU')).toEqual([]);
  });

  it.each([
    ['+19735551212', 'US'],
    ['+18005550199', 'US'],
    ['+442070313000', 'US'],
    ['+4930123456', 'DE'],
    ['+5511987654321', 'BR'],
  ])('an ordinary number (%s) is not flagged', (e164, home) => {
    expect(kinds(e164, home)).toEqual([]);
  });

  it('names the destination in the user’s language, or the kind of network', () => {
    expect(placeOf(classify('+18769271234', 'US'))).toBe('Jamaica');
    expect(placeOf(classify('+442070313000', 'US'))).toBe('United Kingdom');
    expect(placeOf(classify('+881612345678', 'US'))).toBe('Satellite network');
    expect(placeOf(classify('+883510012345678', 'US'))).toBe('International network');
  });
});
