/**
 * The kinds of destination that cost a company real money when a hostile page gets them dialed
 * (issue 10): each opens the confirmation window (src/confirm/) before any request, on every path,
 * unless the organisation turned that kind off in the options. The rules that sort a number into
 * them are in src/background/high-cost.ts.
 */
export const HIGH_COST_CATEGORIES = [
  'premium',
  'sharedCost',
  'satellite',
  'northAmerica',
  'tollFraud',
] as const;

export type HighCostCategory = (typeof HIGH_COST_CATEGORIES)[number];

/** Why the confirmation window opened: a kind of destination, or a number the user may not have seen. */
export type ConfirmReason = HighCostCategory | 'unseen' | 'afterUnknown';

/** Which categories ask for a confirmation; every one does until an organisation says otherwise. */
export type ConfirmSettings = Record<HighCostCategory, boolean>;

export const confirmDefaults = (): ConfirmSettings => ({
  premium: true,
  sharedCost: true,
  satellite: true,
  northAmerica: true,
  tollFraud: true,
});

/** Stored data is untrusted: each category keeps a boolean it holds, else its default (on). */
export function validateConfirmSettings(raw: unknown): ConfirmSettings {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const result = confirmDefaults();
  for (const category of HIGH_COST_CATEGORIES) {
    const value = input[category];
    if (typeof value === 'boolean') result[category] = value;
  }
  return result;
}
