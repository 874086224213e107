import { useId, useState } from 'preact/hooks';
import { ErrorMessage } from '../shared/ErrorMessage';
import { t } from '../shared/i18n';

export interface SettingChoiceProps {
  /** The wrapper's class (`call-from`, `ring-on`). */
  class: string;
  label: string;
  /** The saved value, '' for net2phone's default. */
  value: string;
  /** What the '' choice says ("Your net2phone default number"). */
  defaultLabel: string;
  choices: { value: string; label: string }[];
  /** Saves the choice; rejects if it cannot (the reason then shows under the picker). */
  onChoose: (value: string) => Promise<unknown>;
}

/** A setting picked in the popup beside its label (Call from, Ring on), saved at once. */
export function SettingChoice(props: SettingChoiceProps) {
  const id = useId();
  const [error, setError] = useState<string>();

  const choose = async (event: Event) => {
    const value = (event.currentTarget as HTMLSelectElement).value;
    setError(undefined);
    try {
      await props.onChoose(value);
    } catch (cause) {
      setError(t('popupSaveFailed', String((cause as Error)?.message ?? cause)));
    }
  };

  return (
    <div class={props.class}>
      <div class="inline-field">
        <label for={id}>{props.label}</label>
        <select id={id} value={props.value} onChange={choose}>
          <option value="">{props.defaultLabel}</option>
          {props.choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage text={error} />
    </div>
  );
}
