// Entry of the options page: wires the real background client and storage into the app.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { sendMessage } from '../shared/client';
import { t, uiLanguage } from '../shared/i18n';
import { App } from './App';
import { storageSettings } from './services';
import { readWelcomeFacts } from './welcome-facts';

document.documentElement.lang = uiLanguage();
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('optionsTitle');

async function start(root: HTMLElement) {
  // After install the background opens `index.html#welcome` (src/background/index.ts).
  const welcome = location.hash === '#welcome' ? await readWelcomeFacts(browser) : undefined;
  render(
    <App
      client={sendMessage}
      services={{ settings: storageSettings(browser.storage) }}
      welcome={welcome}
    />,
    root,
  );
}

const root = document.getElementById('app');
if (root) void start(root);
