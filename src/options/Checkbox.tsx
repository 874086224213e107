import { useId } from 'preact/hooks';

export interface CheckboxProps {
  label: string;
  /** What turning it on or off does, read with the checkbox. */
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** A labelled checkbox with its explanation. */
export function Checkbox({ label, hint, checked, onChange }: CheckboxProps) {
  const ids = { input: useId(), hint: useId() };
  return (
    <div class="check">
      <input
        id={ids.input}
        type="checkbox"
        checked={checked}
        aria-describedby={ids.hint}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <div>
        <label for={ids.input}>{label}</label>
        <p id={ids.hint} class="field__hint">
          {hint}
        </p>
      </div>
    </div>
  );
}
