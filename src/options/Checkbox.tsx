import { useId } from 'preact/hooks';
import { LockedNote } from '../shared/PolicyNotes';

export interface CheckboxProps {
  label: string;
  /** What turning it on or off does, read with the checkbox. */
  hint: string;
  checked: boolean;
  /** Set by the organisation: shown disabled, with "Set by your organisation". */
  locked?: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox with its explanation. */
export function Checkbox({ label, hint, checked, locked = false, onChange }: CheckboxProps) {
  const ids = { input: useId(), hint: useId(), locked: useId() };
  return (
    <div class="check">
      <input
        id={ids.input}
        type="checkbox"
        checked={checked}
        disabled={locked}
        aria-describedby={locked ? `${ids.hint} ${ids.locked}` : ids.hint}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <div>
        <label for={ids.input}>{label}</label>
        <p id={ids.hint} class="field__hint">
          {hint}
        </p>
        {locked && <LockedNote id={ids.locked} />}
      </div>
    </div>
  );
}
