import type { Ref } from 'preact';

export interface FieldProps {
  id: string;
  label: string;
  type: 'email' | 'password' | 'text' | 'tel';
  value: string;
  onInput: (event: Event) => void;
  inputRef?: Ref<HTMLInputElement>;
  autoComplete?: string;
  inputMode?: 'tel' | 'email' | 'text';
  invalid?: boolean;
  /** Help shown under the input and read with it. */
  hint?: string | undefined;
  hintId?: string | undefined;
}

/** A labelled text input, with optional help text tied to it by aria-describedby. */
export function Field({ id, label, inputRef, invalid, hint, hintId, ...input }: FieldProps) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        required
        spellcheck={false}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={hint ? hintId : undefined}
        {...input}
      />
      {hint && (
        <p id={hintId} class="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
