import { useEffect, useId, useState } from 'preact/hooks';
import type { Client } from '../shared/client';
import { t } from '../shared/i18n';
import type { PageListItem } from '../shared/messages';
import type { AppError } from '../shared/result';

export interface OnThisPageProps {
  client: Client;
  /** The active tab, null when it is not a page the extension reads. */
  tabId: number | null;
  /** Close the popup once the page shows the chosen number's card (focus goes back there). */
  close: () => void;
}

type State =
  | { kind: 'loading' }
  | { kind: 'loaded'; items: PageListItem[] }
  | { kind: 'failed'; error: AppError };

/**
 * "On this page" (issue 11): every number marked in the active tab, all frames, each once, with
 * the label the page writes before it, so keyboard and screen-reader users reach them too.
 * "Call +1 …" scrolls the page to the number and opens its card there, Call focused.
 */
export function OnThisPage({ client, tabId, close }: OnThisPageProps) {
  const headingId = useId();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    if (tabId === null) return;
    let live = true;
    void client('getPageNumbers', { tabId }).then((reply) => {
      if (!live) return;
      setState(
        reply.ok ? { kind: 'loaded', items: reply.value } : { kind: 'failed', error: reply.error },
      );
    });
    return () => {
      live = false;
    };
  }, [client, tabId]);

  if (tabId === null) return null;

  async function show(item: PageListItem) {
    if (tabId === null) return;
    setError(null);
    const reply = await client('showPageNumber', { tabId, frameId: item.frameId, key: item.key });
    // The focus goes back to the page, where the card's Call has it.
    if (reply.ok) close();
    else setError(reply.error);
  }

  return (
    <section class="on-page" aria-labelledby={headingId} aria-busy={state.kind === 'loading'}>
      <h2 id={headingId}>{t('popupOnThisPage')}</h2>
      {state.kind === 'failed' && <p class="section-error">{state.error.message}</p>}
      {state.kind === 'loaded' && state.items.length === 0 && (
        <p class="muted">{t('popupOnThisPageNone')}</p>
      )}
      {state.kind === 'loaded' && state.items.length > 0 && (
        <ul class="list on-page__list">
          {state.items.map((item) => {
            const number = item.ext
              ? t('popupNumberWithExt', [item.display, item.ext])
              : item.display;
            return (
              <li key={`${item.frameId}:${item.key}`} class="on-page__item">
                <span class="on-page__text">
                  {item.label && <span class="on-page__label">{item.label}</span>}
                  <span class="on-page__number">{number}</span>
                  {item.link && (
                    <span class="muted on-page__link">{t('popupOnThisPageInLink')}</span>
                  )}
                </span>
                <button
                  type="button"
                  class="button"
                  aria-label={t('popupOnThisPageCall', number)}
                  onClick={() => void show(item)}
                >
                  {t('popupOnThisPageShow')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p class="section-error" role="alert">
          {error.message}
        </p>
      )}
    </section>
  );
}
