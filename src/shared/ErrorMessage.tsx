/** An error the user must notice, announced when it appears; nothing when there is none. */
export function ErrorMessage({ id, text }: { id?: string; text: string | undefined | null }) {
  if (!text) return null;
  return (
    <p id={id} role="alert" class="message message--error">
      {text}
    </p>
  );
}
