// Entry of the toolbar popup: wires the real background client, storage and tabs into the app.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { sendMessage } from '../shared/client';
import { t, uiLanguage } from '../shared/i18n';
import { App } from './App';
import { activeTabHost, activeWebTabId, type PopupServices, storageSettings } from './services';

document.documentElement.lang = uiLanguage();
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('extName');

const services: PopupServices = {
  settings: storageSettings(browser.storage),
  activeHost: activeTabHost(browser.tabs),
  activeTabId: activeWebTabId(browser.tabs),
  openOptions: async () => {
    await browser.runtime.openOptionsPage();
    // Chrome leaves the popup open over the new tab; Firefox closes it itself.
    window.close();
  },
};

const root = document.getElementById('app');
if (root) render(<App client={sendMessage} services={services} />, root);
