import type { Dialable } from '../phone/index';
import { t } from '../shared/i18n';

/** "+1 973-555-1212 ext. 12": the number as a person reads it. */
export function numberText({ display, ext }: Pick<Dialable, 'display' | 'ext'>): string {
  return ext ? t('popupNumberWithExt', [display, ext]) : display;
}

export { callerIdChoice, callerIdNumber } from '../shared/caller-id';
