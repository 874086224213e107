import { describe, expect, it } from 'vitest';
import { getMessage, i18nOnlyBrowser } from './fake-i18n';

describe('fake browser.i18n', () => {
  it('reads messages.json and fills named placeholders from substitutions', () => {
    expect(getMessage('popupSignIn')).toBe('Sign in');
    expect(getMessage('errorRateLimited', '3')).toBe('Too many calls. Wait 3 s and try again.');
    expect(getMessage('popupUserWithExt', ['Ada', '100'])).toBe('Ada (ext. 100)');
  });

  it('answers "" for an unknown key and leaves missing substitutions empty, like the browser', () => {
    expect(getMessage('noSuchKey')).toBe('');
    expect(getMessage('popupUserWithExt', ['Ada'])).toBe('Ada (ext. )');
  });

  it('does not re-read "$1" inside a substituted value', () => {
    expect(getMessage('popupWillCall', '$2 $$')).toBe('Will call $2 $$');
  });

  it('fails closed: any other browser API throws', () => {
    const { browser } = i18nOnlyBrowser() as { browser: Record<string, unknown> };
    expect(() => browser.runtime).toThrow(/not faked/);
  });
});
