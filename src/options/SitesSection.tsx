import { useId, useRef, useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';
import { isLocked, LockedNote } from '../shared/PolicyNotes';
import { normaliseSite, type Settings } from '../shared/settings';
import type { SectionProps } from './sections';

/** Why `input` cannot be added, or the site to add. */
export function checkSite(input: string, settings: Settings): { site: string } | { error: string } {
  const typed = input.trim();
  if (typed === '') return { error: t('optionsSiteEmpty') };
  const site = normaliseSite(typed);
  if (!site) return { error: t('optionsSiteInvalid', typed) };
  if (settings.disabledSites.includes(site)) return { error: t('optionsSiteListed', site) };
  const parent = settings.disabledSites.find((listed) => site.endsWith(`.${listed}`));
  if (parent) return { error: t('optionsSiteCovered', [site, parent]) };
  return { site };
}

/**
 * Sites: where detection is off, with a field to add one and a Remove button for each (disabled
 * when the organisation locked the list), and the sites detection is limited to, if any.
 */
export function SitesSection({ settings, policy, save }: SectionProps) {
  const [input, setInput] = useState('');
  const [error, setError] = useState<string>();
  const field = useRef<HTMLInputElement>(null);
  const ids = {
    input: useId(),
    error: useId(),
    locked: useId(),
    only: useId(),
    onlyLocked: useId(),
  };
  const sites = settings.disabledSites;
  const locked = isLocked(policy, 'disabledSites');

  const add = async (event: Event) => {
    event.preventDefault();
    const checked = checkSite(input, settings);
    if ('error' in checked) {
      setError(checked.error);
      field.current?.focus();
      return;
    }
    setError(undefined);
    if (await save({ disabledSites: [...sites, checked.site] })) setInput('');
  };

  const remove = async (site: string) => {
    // Focus would be lost with the removed row's button: it goes back to the field.
    field.current?.focus();
    await save({ disabledSites: sites.filter((s) => s !== site) });
  };

  return (
    <div class="stack">
      {settings.onlySites.length > 0 && (
        <div>
          <p id={ids.only}>{t('optionsOnlySites')}</p>
          <ul class="sites" aria-labelledby={ids.only}>
            {settings.onlySites.map((site) => (
              <li key={site}>
                <span class="sites__host">{site}</span>
              </li>
            ))}
          </ul>
          {isLocked(policy, 'onlySites') && <LockedNote id={ids.onlyLocked} />}
        </div>
      )}
      <p class="field__hint">{t('optionsSitesHint')}</p>
      {sites.length === 0 ? (
        <p class="muted">{t('optionsNoSites')}</p>
      ) : (
        <ul class="sites" aria-label={t('optionsSitesList')}>
          {sites.map((site) => (
            <li key={site}>
              <span class="sites__host">{site}</span>
              <button
                type="button"
                class="button button--quiet"
                disabled={locked}
                aria-label={t('optionsRemoveSite', site)}
                onClick={() => void remove(site)}
              >
                {t('optionsRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {locked && <LockedNote id={ids.locked} />}
      <form class="add-site" noValidate onSubmit={add} hidden={locked}>
        <div class="field">
          <label for={ids.input}>{t('optionsSiteToAdd')}</label>
          <input
            id={ids.input}
            ref={field}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="mail.example.com"
            value={input}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? ids.error : undefined}
            onInput={(event) => {
              setInput((event.currentTarget as HTMLInputElement).value);
              setError(undefined);
            }}
          />
        </div>
        <button type="submit" class="button">
          {t('optionsAddSite')}
        </button>
      </form>
      <ErrorMessage id={ids.error} text={error} />
    </div>
  );
}
