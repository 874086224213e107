import { afterEach, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  suggestions: [] as string[],
  refuse: null as Error | null,
  runtime: {} as Record<string, unknown>,
}));

vi.mock('../../../src/shared/browser', async () => {
  const { browser } = (await import('../support/fake-i18n')).i18nOnlyBrowser();
  return {
    browser: {
      i18n: browser.i18n,
      runtime: fake.runtime,
      omnibox: {
        // Chrome rejects a description that is not well-formed XML, as it did for "\u0001".
        async setDefaultSuggestion({ description }: { description: string }) {
          if (fake.refuse) throw fake.refuse;
          fake.suggestions.push(description);
        },
      },
    },
  };
});

import {
  omniboxFormat,
  omniboxText,
  showSuggestion,
  suggestionFor,
} from '../../../src/background/shortcuts';

afterEach(() => {
  fake.suggestions.length = 0;
  fake.refuse = null;
  delete fake.runtime.getBrowserInfo;
  vi.restoreAllMocks();
});

describe('the omnibox keyword "call"', () => {
  it('shows the normalised number Enter will call', () => {
    expect(suggestionFor('973 555 1212', 'US')).toBe(
      'Call +1 973-555-1212 with net2phone: your phone will ring first',
    );
    expect(suggestionFor('+44 20 7031 3000', 'US')).toContain('+44 20 7031 3000');
  });

  it('says why invalid input cannot be called, escaped for Chrome and as typed for Firefox', () => {
    expect(suggestionFor('12345', 'US')).toBe('“12345” is not a callable phone number yet');
    expect(suggestionFor('<b>1</b> & co', 'US')).toBe(
      '“&lt;b&gt;1&lt;/b&gt; &amp; co” is not a callable phone number yet',
    );
    expect(suggestionFor('<b>1</b> & co', 'US', 'text')).toBe(
      '“<b>1</b> & co” is not a callable phone number yet',
    );
    expect(suggestionFor('  ', 'US')).toBe('Type a phone number to call it with net2phone');
  });

  it('drops control characters, which Chrome refuses as XML ("PCDATA invalid Char value 1")', () => {
    expect(suggestionFor('\u0001', 'US')).toBe('“” is not a callable phone number yet');
    expect(suggestionFor('12\u00003\u001f4\u007f5\u00856\u009f', 'US', 'text')).toBe(
      '“123456” is not a callable phone number yet',
    );
  });

  it('keeps the number it calls readable when controls are typed around it', () => {
    expect(suggestionFor('973 555 1212\u0007', 'US')).toBe(
      'Call +1 973-555-1212 with net2phone: your phone will ring first',
    );
  });
});

describe('omniboxText', () => {
  it('drops C0 and C1 controls, DEL and the non-characters U+FFFE/U+FFFF', () => {
    const controls = [0x00, 0x01, 0x09, 0x0a, 0x0d, 0x1f, 0x7f, 0x80, 0x9f, 0xfffe, 0xffff]
      .map((c) => String.fromCharCode(c))
      .join('');
    expect(omniboxText(`a${controls}b`, 'xml')).toBe('ab');
    expect(omniboxText(`a${controls}b`, 'text')).toBe('ab');
  });

  it('keeps the characters around the ranges it drops', () => {
    expect(omniboxText(' ~\u00a0é', 'xml')).toBe(' ~\u00a0é');
  });

  it('drops lone surrogates and keeps paired ones', () => {
    expect(omniboxText('a\ud83d\ude00b', 'xml')).toBe('a😀b');
    expect(omniboxText('a\ud83db', 'xml')).toBe('ab');
    expect(omniboxText('a\ude00b', 'xml')).toBe('ab');
    expect(omniboxText('\ude00\ud83d', 'text')).toBe('');
  });

  it('escapes &, < and > for XML only', () => {
    expect(omniboxText('a<b>&c', 'xml')).toBe('a&lt;b&gt;&amp;c');
    expect(omniboxText('a<b>&c', 'text')).toBe('a<b>&c');
  });
});

describe('the suggestion as the worker shows it', () => {
  it('reads Chrome descriptions as XML and Firefox ones as text', () => {
    expect(omniboxFormat()).toBe('xml');
    fake.runtime.getBrowserInfo = async () => ({ name: 'Firefox' });
    expect(omniboxFormat()).toBe('text');
  });

  it('sets a description the browser accepts', async () => {
    await showSuggestion('\u0001<', async () => 'US');
    expect(fake.suggestions).toEqual(['“&lt;” is not a callable phone number yet']);
  });

  it('catches a refused description instead of leaving an unhandled rejection', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    fake.refuse = new Error('Invalid XML');
    await expect(showSuggestion('973 555 1212', async () => 'US')).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('catches settings that cannot be read', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(
      showSuggestion('973 555 1212', () => Promise.reject(new Error('storage'))),
    ).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(fake.suggestions).toEqual([]);
  });
});
