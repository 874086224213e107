import { isSupportedCountry } from 'libphonenumber-js/min';
import { useId, useMemo } from 'preact/hooks';
import { t, uiLanguage } from '../shared/i18n';
import { isLocked, LockedNote } from '../shared/PolicyNotes';
import { Checkbox } from './Checkbox';
import { countryList } from './countries';
import type { SectionProps } from './sections';

/** General: how numbers are read (default country), tel: links, numbers in code blocks. */
export function GeneralSection({ settings, policy, save }: SectionProps) {
  return (
    <div class="stack">
      <CountryField
        country={settings.defaultCountry}
        chosen={settings.countryChosen}
        locked={isLocked(policy, 'defaultCountry')}
        onChoose={(defaultCountry) => save({ defaultCountry, countryChosen: true })}
      />
      <Checkbox
        label={t('optionsHandleTelLinks')}
        hint={t('optionsHandleTelLinksHint')}
        checked={settings.handleTelLinks}
        locked={isLocked(policy, 'handleTelLinks')}
        onChange={(handleTelLinks) => save({ handleTelLinks })}
      />
      <Checkbox
        label={t('optionsMarkInCode')}
        hint={t('optionsMarkInCodeHint')}
        checked={settings.markInCode}
        locked={isLocked(policy, 'markInCode')}
        onChange={(markInCode) => save({ markInCode })}
      />
    </div>
  );
}

interface CountryFieldProps {
  country: string;
  /** False while the country is the extension's guess. */
  chosen: boolean;
  /** Set by the organisation: shown disabled, with "Set by your organisation". */
  locked: boolean;
  onChoose: (country: string) => void;
}

/** "Default country": every country, named in the UI language, with its calling code. */
function CountryField({ country, chosen, locked, onChoose }: CountryFieldProps) {
  const ids = { select: useId(), hint: useId(), locked: useId() };
  const countries = useMemo(() => countryList(uiLanguage()), []);
  // Settings hold any two letters; one the engine does not know is read as US.
  const value = isSupportedCountry(country) ? country : 'US';
  return (
    <div class="field">
      <label for={ids.select}>{t('optionsDefaultCountry')}</label>
      <select
        id={ids.select}
        value={value}
        disabled={locked}
        aria-describedby={locked ? `${ids.hint} ${ids.locked}` : ids.hint}
        onChange={(event) => onChoose((event.currentTarget as HTMLSelectElement).value)}
      >
        {countries.map(({ code, name, callingCode }) => (
          <option key={code} value={code}>
            {t('optionsCountryChoice', [name, callingCode])}
          </option>
        ))}
      </select>
      <p id={ids.hint} class="field__hint">
        {t('optionsDefaultCountryHint')}
        {!chosen && ` ${t('optionsCountryGuessed')}`}
      </p>
      {locked && <LockedNote id={ids.locked} />}
    </div>
  );
}
