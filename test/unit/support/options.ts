import { within } from '@testing-library/preact';

/** What a select offers, as the user reads it. */
export function optionTexts(select: HTMLElement): Array<string | null> {
  return within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);
}

/** The caller-ID choices every account fixture offers after its default entry. */
export const FIXTURE_CALLER_IDS = [
  '+1 973-555-0100 · Main line',
  '+1 613-555-0199 · Ottawa office',
];
