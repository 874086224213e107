// Entry of the toolbar popup: wires the real background client into the app.
import { render } from 'preact';
import { browser } from '../shared/browser';
import { sendMessage } from '../shared/client';
import { t } from '../shared/i18n';
import { App } from './App';

document.documentElement.lang = browser.i18n.getUILanguage();
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('extName');

const root = document.getElementById('app');
if (root) render(<App client={sendMessage} />, root);
