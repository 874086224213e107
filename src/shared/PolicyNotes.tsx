import { t } from './i18n';
import type { Policy } from './managed';
import type { Settings } from './settings';

/** True when the organisation's policy keeps the user from changing `key`. */
export const isLocked = (policy: Policy | undefined, key: keyof Settings): boolean =>
  policy?.locked.includes(key) ?? false;

/** "Managed by your organisation" when any policy applies (popup and options page). */
export function ManagedBanner({ policy }: { policy: Policy | undefined }) {
  if (!policy?.managed) return null;
  return <p class="managed">{t('managedByOrganisation')}</p>;
}

/** "Set by your organisation", under a control the user may not change (its aria-describedby). */
export function LockedNote({ id }: { id: string }) {
  return (
    <p id={id} class="field__hint locked-note">
      {t('setByOrganisation')}
    </p>
  );
}
