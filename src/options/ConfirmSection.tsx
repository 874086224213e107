import { HIGH_COST_CATEGORIES, type HighCostCategory } from '../shared/high-cost';
import { t } from '../shared/i18n';
import { isLocked } from '../shared/PolicyNotes';
import { Checkbox } from './Checkbox';
import type { SectionProps } from './sections';

const LABEL: Record<HighCostCategory, [label: string, hint: string]> = {
  premium: ['optionsConfirmPremium', 'confirmReasonPremium'],
  sharedCost: ['optionsConfirmSharedCost', 'confirmReasonSharedCost'],
  satellite: ['optionsConfirmSatellite', 'confirmReasonSatellite'],
  northAmerica: ['optionsConfirmNorthAmerica', 'confirmReasonNorthAmerica'],
  tollFraud: ['optionsConfirmTollFraud', 'confirmReasonTollFraud'],
};

/** Ask before calling: which high-cost kinds open the confirmation window (issue 10). */
export function ConfirmSection({ settings, policy, save }: SectionProps) {
  return (
    <>
      <p class="muted">{t('optionsConfirmIntro')}</p>
      {HIGH_COST_CATEGORIES.map((category) => {
        const [label, hint] = LABEL[category];
        return (
          <Checkbox
            key={category}
            label={t(label)}
            hint={t(hint)}
            checked={settings.confirmHighCost[category]}
            locked={isLocked(policy, 'confirmHighCost')}
            onChange={(checked) =>
              save({ confirmHighCost: { ...settings.confirmHighCost, [category]: checked } })
            }
          />
        );
      })}
    </>
  );
}
