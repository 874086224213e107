import type { ComponentType } from 'preact';
import type { Client } from '../shared/client';
import type { Policy } from '../shared/managed';
import type { Settings } from '../shared/settings';
import { CallingSection } from './CallingSection';
import { ConfirmSection } from './ConfirmSection';
import { ConnectionSection } from './ConnectionSection';
import { GeneralSection } from './GeneralSection';
import { SitesSection } from './SitesSection';
import { WebhooksSection } from './WebhooksSection';

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
}

/** One titled part of the options page. */
export interface OptionsSection {
  /** Anchor and key, e.g. `sites` (`options/index.html#sites`). */
  id: string;
  /** Message key of its heading. */
  title: string;
  Body: ComponentType<SectionProps>;
}

/** The page, top to bottom. New parts (e.g. webhooks) are added here. */
export const sections: readonly OptionsSection[] = [
  { id: 'general', title: 'optionsGeneral', Body: GeneralSection },
  { id: 'calling', title: 'optionsCalling', Body: CallingSection },
  { id: 'confirm', title: 'optionsConfirmHeading', Body: ConfirmSection },
  { id: 'sites', title: 'optionsSites', Body: SitesSection },
  { id: 'connection', title: 'optionsConnection', Body: ConnectionSection },
  { id: 'webhooks', title: 'optionsWebhooks', Body: WebhooksSection },
];

/** The sections this organisation allows: its policy may hide Webhooks. */
export function shownSections(all: readonly OptionsSection[], policy: Policy) {
  return policy.webhooks === 'hidden' ? all.filter((s) => s.id !== 'webhooks') : all;
}
