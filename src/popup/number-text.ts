import { type Dialable, parseDialable } from '../phone/index';
import { t } from '../shared/i18n';
import type { CallerId } from '../shared/messages';

/** "+1 973-555-1212 ext. 12": the number as a person reads it. */
export function numberText({ display, ext }: Pick<Dialable, 'display' | 'ext'>): string {
  return ext ? t('popupNumberWithExt', [display, ext]) : display;
}

/** A caller-ID number in human form; they are E.164, so no default country is needed. */
export function callerIdNumber(callerId: CallerId): string {
  return parseDialable(callerId.e164, 'US')?.display ?? callerId.e164;
}

/** "+1 973-555-0100 · Main line", as a choice in "Call from". */
export function callerIdChoice(callerId: CallerId): string {
  const number = callerIdNumber(callerId);
  return callerId.description ? t('popupCallerIdChoice', [number, callerId.description]) : number;
}
