import { useId, useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import type { Policy } from '../shared/managed';
import { isLocked } from '../shared/PolicyNotes';
import { isListed, isSiteDisabled, normaliseSite, type Settings } from '../shared/settings';

export interface SiteSwitchProps {
  /** The active tab's hostname (only web pages get a switch). */
  host: string;
  settings: Settings;
  /** The organisation's policy: a locked list, or detection limited to other sites. */
  policy: Policy;
  /** Saves the new list; open tabs hear the change and mark or unmark at once. */
  onChange: (disabledSites: string[]) => Promise<unknown>;
}

/** "Find numbers on crm.example.com": turns detection off or on for the current site. */
export function SiteSwitch({ host, settings, policy, onChange }: SiteSwitchProps) {
  const ids = { input: useId(), hint: useId() };
  // The state the user asked for, shown while it is being saved.
  const [pending, setPending] = useState<boolean>();
  const [error, setError] = useState<string>();
  const site = normaliseSite(host) ?? host;
  const on = pending ?? !isSiteDisabled(settings, site);
  // Off because a parent domain is listed (e.g. `example.com` for `crm.example.com`).
  const parent = settings.disabledSites.find((s) => s !== site && site.endsWith(`.${s}`));
  // The organisation decides here: the list is locked, or detection is limited to other sites.
  const elsewhere = settings.onlySites.length > 0 && !isListed(settings.onlySites, site);
  const locked = isLocked(policy, 'disabledSites') || elsewhere;

  const toggle = async (event: Event) => {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    const sites = wanted
      ? // Every entry that turns this site off goes, so it really is on afterwards.
        settings.disabledSites.filter((s) => s !== site && !site.endsWith(`.${s}`))
      : [...settings.disabledSites, site];
    setPending(wanted);
    setError(undefined);
    try {
      await onChange(sites);
    } catch (cause) {
      setError(t('popupSaveFailed', String((cause as Error)?.message ?? cause)));
    } finally {
      setPending(undefined);
    }
  };

  const hint = locked
    ? t('setByOrganisation')
    : on
      ? undefined
      : parent
        ? t('popupSiteOffParent', parent)
        : t('popupSiteOff');
  return (
    <div class="site">
      <div class="switch-row">
        <label for={ids.input}>{t('popupFindOnSite', site)}</label>
        <input
          id={ids.input}
          type="checkbox"
          role="switch"
          aria-checked={on}
          class="switch"
          checked={on}
          disabled={locked || pending !== undefined}
          aria-describedby={hint ? ids.hint : undefined}
          onChange={toggle}
        />
      </div>
      {hint && (
        <p id={ids.hint} class="field__hint">
          {hint}
        </p>
      )}
      <ErrorMessage text={error} />
    </div>
  );
}
