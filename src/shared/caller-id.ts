import { parseDialable } from '../phone/index';
import { t } from './i18n';
import type { CallerId } from './messages';

/** A caller-ID number in human form; they are E.164, so no default country is needed. */
export function callerIdNumber(callerId: CallerId): string {
  return parseDialable(callerId.e164, 'US')?.display ?? callerId.e164;
}

/** "+1 973-555-0100 · Main line", as a choice in the popup's "Call from" and the options. */
export function callerIdChoice(callerId: CallerId): string {
  const number = callerIdNumber(callerId);
  return callerId.description ? t('callerIdChoice', [number, callerId.description]) : number;
}
