/** Renders the options page over fakes: a fail-closed client and the real settings code on fake storage. */
import { render, screen, waitFor } from '@testing-library/preact';
import { expect } from 'vitest';
import { App } from '../../../src/options/App';
import type { OptionsSection } from '../../../src/options/sections';
import { storageSettings } from '../../../src/options/services';
import type { WelcomeFacts } from '../../../src/options/Welcome';
import { SETTINGS_KEY, type Settings } from '../../../src/shared/settings';
import { fakeClient, ok, type Replies } from '../popup/fake-client';
import { adaSession, twoCallerIds } from '../popup/fixtures';
import { fakeStorage, text } from '../support/fake-i18n';

export interface OpenOptions {
  replies?: Replies;
  /** What `storage.local` holds under `settings` (any shape: it is validated on load). */
  stored?: unknown;
  sections?: readonly OptionsSection[];
  /** What `storage.managed` holds: the organisation's policy (none by default). */
  managed?: Record<string, unknown>;
  /** Opened as the welcome page (`#welcome`), with these facts. */
  welcome?: WelcomeFacts;
}

/** Signed in as Ada unless `replies.getSession` says otherwise. */
export async function openOptions({
  replies = {},
  stored,
  sections,
  managed,
  welcome,
}: OpenOptions = {}) {
  const storage = fakeStorage(stored === undefined ? {} : { [SETTINGS_KEY]: stored });
  const fake = fakeClient({
    getSession: ok(adaSession),
    getAccount: ok(twoCallerIds),
    listSubscriptions: ok([]),
    ...replies,
  });
  const view = render(
    <App
      client={fake.client}
      services={{
        settings: storageSettings({
          ...storage,
          ...(managed ? { managed: { get: async () => structuredClone(managed) } } : {}),
        }),
      }}
      {...(sections ? { sections } : {})}
      welcome={welcome}
    />,
  );
  await screen.findByRole('heading', { name: 'Options' });
  await waitFor(() => expect(screen.queryByText(text('optionsLoading'))).toBeNull());
  return {
    fake,
    storage,
    view,
    /** The settings as stored now. */
    stored: () => storage.peek(SETTINGS_KEY) as Settings | undefined,
  };
}

/** The section with this heading. */
export const section = (name: string) => screen.getByRole('region', { name });
