import { useId, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { AccountView, CallerId, Device } from '../shared/messages';
import type { AccountState } from '../shared/use-account';
import { callerIdNumber } from './number-text';

export interface YourNumbersProps {
  /** Loaded once by the popup and shared with "Call from". */
  account: AccountState;
}

/**
 * "Your numbers": the user's devices and caller-ID numbers, folded by default (Call from and
 * Ring on already offer them) so the popup stays within 600 px; failures are shown, never blocking.
 */
export function YourNumbers({ account: state }: YourNumbersProps) {
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(false);
  return (
    <section class="numbers" aria-labelledby={headingId} aria-busy={state.kind === 'loading'}>
      <div class="section-head">
        <h2 id={headingId}>{t('popupYourNumbers')}</h2>
        <button
          type="button"
          class="button button--link"
          aria-expanded={open}
          aria-controls={bodyId}
          aria-describedby={headingId}
          onClick={() => setOpen(!open)}
        >
          {open ? t('popupHideNumbers') : t('popupShowNumbers')}
        </button>
      </div>
      <div id={bodyId} hidden={!open}>
        {state.kind === 'loading' && <p class="muted">{t('popupLoadingNumbers')}</p>}
        {state.kind === 'failed' && <p class="section-error">{state.error.message}</p>}
        {state.kind === 'loaded' && <AccountLists account={state.account} />}
      </div>
    </section>
  );
}

function AccountLists({ account }: { account: AccountView }) {
  const { devices, devicesError, callerIds, callerIdsError } = account;
  const showCallerIds = callerIds.length > 0 || callerIdsError !== undefined;
  return (
    <>
      <h3>{t('popupDevices')}</h3>
      {devicesError && <p class="section-error">{devicesError.message}</p>}
      {!devicesError && devices.length === 0 && <p class="muted">{t('popupNoDevices')}</p>}
      {devices.length > 0 && (
        <ul class="list">
          {devices.map((device) => (
            <DeviceItem key={device.aor} device={device} />
          ))}
        </ul>
      )}
      {showCallerIds && <h3>{t('popupCallerIds')}</h3>}
      {callerIdsError && <p class="section-error">{callerIdsError.message}</p>}
      {callerIds.length > 0 && (
        <ul class="list">
          {callerIds.map((callerId) => (
            <CallerIdItem key={callerId.e164} callerId={callerId} />
          ))}
        </ul>
      )}
    </>
  );
}

function DeviceItem({ device }: { device: Device }) {
  const title = [device.user && t('popupDevice', device.user), device.model]
    .filter(Boolean)
    .join(' · ');
  return (
    <li>
      <span class="list__primary">{title}</span>
      <span class="list__secondary">{device.aor}</span>
    </li>
  );
}

function CallerIdItem({ callerId }: { callerId: CallerId }) {
  return (
    <li>
      <span class="list__primary">{callerIdNumber(callerId)}</span>
      {callerId.description && <span class="list__secondary">{callerId.description}</span>}
    </li>
  );
}
