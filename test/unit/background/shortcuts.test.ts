import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/shared/browser', async () =>
  (await import('../support/fake-i18n')).i18nOnlyBrowser(),
);

import { suggestionFor } from '../../../src/background/shortcuts';

describe('the omnibox keyword "call"', () => {
  it('shows the normalised number Enter will call', () => {
    expect(suggestionFor('973 555 1212', 'US')).toBe(
      'Call +1 973-555-1212 with net2phone: your phone will ring first',
    );
    expect(suggestionFor('+44 20 7031 3000', 'US')).toContain('+44 20 7031 3000');
  });

  it('says why invalid input cannot be called, without markup', () => {
    expect(suggestionFor('12345', 'US')).toBe('“12345” is not a callable phone number yet');
    expect(suggestionFor('<b>1</b>', 'US')).toBe('“b1/b” is not a callable phone number yet');
    expect(suggestionFor('  ', 'US')).toBe('Type a phone number to call it with net2phone');
  });
});
