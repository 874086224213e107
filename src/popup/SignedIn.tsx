import { isSupportedCountry } from 'libphonenumber-js/min';
import { useEffect, useState } from 'preact/hooks';
import type { CountryCode } from '../phone/index';
import type { Client } from '../shared/client';
import type { Policy } from '../shared/managed';
import type { SessionView } from '../shared/messages';
import type { Settings } from '../shared/settings';
import { useAccount } from '../shared/use-account';
import { Account } from './Account';
import { CallFrom } from './CallFrom';
import { DialBox } from './DialBox';
import { OnThisPage } from './OnThisPage';
import { RecentCalls } from './RecentCalls';
import { RingOn } from './RingOn';
import { SiteSwitch } from './SiteSwitch';
import type { PopupServices } from './services';
import { useHistory } from './use-history';
import type { UpdateSettings } from './use-settings';
import { YourNumbers } from './YourNumbers';

export interface SignedInProps {
  /** The guarded client: a reply saying the session is gone shows the sign-in form. */
  client: Client;
  session: SessionView;
  onSignedOut: (session: SessionView) => void;
  services: PopupServices;
  settings: Settings;
  /** The organisation's policy (locked settings). */
  policy: Policy;
  updateSettings: UpdateSettings;
}

/** Settings hold a two-letter region; one the engine does not know reads as US. */
function countryOf(settings: Settings): CountryCode {
  return isSupportedCountry(settings.defaultCountry) ? settings.defaultCountry : 'US';
}

/** The active tab's hostname: `undefined` while asking, null when it is not a web page. */
function useActiveHost(activeHost: PopupServices['activeHost']) {
  const [host, setHost] = useState<string | null>();
  useEffect(() => {
    let live = true;
    void activeHost().then((found) => live && setHost(found));
    return () => {
      live = false;
    };
  }, [activeHost]);
  return host;
}

/** The active tab's id when it is a web page: `undefined` while asking, else null. */
function useActiveTabId(activeTabId: PopupServices['activeTabId']) {
  const [tabId, setTabId] = useState<number | null>();
  useEffect(() => {
    let live = true;
    void activeTabId().then((found) => live && setTabId(found));
    return () => {
      live = false;
    };
  }, [activeTabId]);
  return tabId;
}

/**
 * The signed-in popup: who, this site's switch, On this page, the dial box, Call from, Ring on,
 * recent calls, numbers.
 */
export function SignedIn(props: SignedInProps) {
  const { client, session, onSignedOut, services, settings, policy, updateSettings } = props;
  const account = useAccount(client);
  const history = useHistory(client);
  const host = useActiveHost(services.activeHost);
  const tabId = useActiveTabId(services.activeTabId);
  const callerIds = account.kind === 'loaded' ? account.account.callerIds : [];
  const devices = account.kind === 'loaded' ? account.account.devices : [];

  return (
    <>
      <Account client={client} session={session} onSignedOut={onSignedOut} />
      {host && (
        <SiteSwitch
          host={host}
          settings={settings}
          policy={policy}
          onChange={(disabledSites) => updateSettings({ disabledSites })}
        />
      )}
      {tabId != null && <OnThisPage client={client} tabId={tabId} close={() => window.close()} />}
      <DialBox client={client} country={countryOf(settings)} onAttempt={history.refresh}>
        <CallFrom
          callerIds={callerIds}
          settings={settings}
          onChoose={(callerId) => updateSettings({ callerId })}
        />
        <RingOn
          devices={devices}
          settings={settings}
          onChoose={(ringOn) => updateSettings({ ringOn })}
        />
      </DialBox>
      <RecentCalls
        client={client}
        history={history.state}
        onAttempt={history.refresh}
        onClear={history.clear}
        onUndoClear={history.undoClear}
      />
      <YourNumbers account={account} />
    </>
  );
}
