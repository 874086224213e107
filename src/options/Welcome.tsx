import { t } from '../shared/i18n';

/** What the welcome tells about the ways to call, read from the browser (main.tsx). */
export interface WelcomeFacts {
  /** The keyboard shortcut as the browser has it, e.g. `Alt+Shift+C`; '' when none is set. */
  shortcut: string;
  /** The manifest's suggested shortcut, offered when the browser set none. */
  suggested: string;
  /** The address-bar keyword, e.g. `call`. */
  keyword: string;
}

export interface WelcomeProps extends WelcomeFacts {
  signedIn: boolean;
}

/**
 * The first-run welcome (issue 11, item 7), at the top of Account: what the extension does, how
 * to sign in, and the two ways to call without the mouse.
 */
export function Welcome({ shortcut, suggested, keyword, signedIn }: WelcomeProps) {
  return (
    <div class="welcome">
      <h3>{t('welcomeHeading')}</h3>
      <p>{t('welcomeWhat')}</p>
      <ul>
        <li>{t(signedIn ? 'welcomeSignedIn' : 'welcomeSignIn')}</li>
        <li>{shortcut ? t('welcomeShortcut', shortcut) : t('welcomeNoShortcut', suggested)}</li>
        <li>{t('welcomeKeyword', keyword)}</li>
      </ul>
    </div>
  );
}
