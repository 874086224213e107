import type { ComponentType } from 'preact';
import type { Client } from '../shared/client';
import type { Policy } from '../shared/managed';
import type { SessionView } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { AccountSection } from './AccountSection';
import { AdvancedSection } from './AdvancedSection';
import { CallingSection } from './CallingSection';
import { ConfirmSection } from './ConfirmSection';
import { GeneralSection } from './GeneralSection';
import { SitesSection } from './SitesSection';
import type { SessionState } from './use-session';
import type { WelcomeFacts } from './Welcome';

/** What every section of the options page gets. */
export interface SectionProps {
  /** How the page talks to the background (a fake in tests). */
  client: Client;
  /** The settings in effect (the organisation's values over the user's). */
  settings: Settings;
  /** The organisation's policy: which settings are locked, whether webhooks are allowed. */
  policy: Policy;
  /** Saves a change; the page says "Saved" or why not. Resolves to whether it was stored. */
  save: (change: Partial<Settings>) => Promise<boolean>;
  /** Who is signed in (Account shows it; Advanced needs it for webhooks). */
  session: SessionState;
  /** Sign in or Sign out answered: the new session. */
  onSession: (session: SessionView) => void;
  /** Opened as the first-run welcome page (`#welcome`): Account starts with a few words of welcome. */
  welcome?: WelcomeFacts | undefined;
}

/** One titled part of the options page. */
export interface OptionsSection {
  /** Anchor and key, e.g. `sites` (`options/index.html#sites`). */
  id: string;
  /** Message key of its heading. */
  title: string;
  Body: ComponentType<SectionProps>;
}

/**
 * The page, top to bottom: who is signed in first, everyday settings, then Advanced (the
 * connection test and webhooks, developer features). New parts are added here.
 */
export const sections: readonly OptionsSection[] = [
  { id: 'account', title: 'optionsAccount', Body: AccountSection },
  { id: 'general', title: 'optionsGeneral', Body: GeneralSection },
  { id: 'calling', title: 'optionsCalling', Body: CallingSection },
  { id: 'confirm', title: 'optionsConfirmHeading', Body: ConfirmSection },
  { id: 'sites', title: 'optionsSites', Body: SitesSection },
  { id: 'advanced', title: 'optionsAdvanced', Body: AdvancedSection },
];
