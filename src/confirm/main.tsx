// Entry of the confirmation window (issue 10): an extension page of its own, opened by the
// background before a call to a high-cost or unseen number; no web page can reach it.
import { render } from 'preact';
import { sendMessage } from '../shared/client';
import { t, uiLanguage } from '../shared/i18n';
import { Confirm } from './Confirm';

document.documentElement.lang = uiLanguage();
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('confirmTitle');

const id = new URLSearchParams(location.search).get('id') ?? '';
const root = document.getElementById('app');
if (root) render(<Confirm id={id} client={sendMessage} close={() => window.close()} />, root);
