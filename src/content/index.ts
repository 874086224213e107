/**
 * Content script entry (every frame of every page): finds phone numbers,
 * marks them without touching the page's DOM, and offers a call on a trusted
 * click. Only the digit gate and the walker live here; blocks that pass the
 * gate are read by the background, which holds the one parser (page-numbers.ts).
 */
import { pageRegions } from '../phone/page-region';
import { browser } from '../shared/browser';
import { sendMessage } from '../shared/client';
import { PAGE_LIST_MAX, type PageEntry, SHOW_NUMBER } from '../shared/messages';
import { defaults, isSiteDisabled, type Settings } from '../shared/settings';
import { affectsSettings, loadEffective } from '../shared/settings-store';
import { CallCard } from './card';
import { listenForClicks } from './clicks';
import { HiddenNumbers } from './hidden-numbers';
import { type Mark, Marks } from './marks';
import { labelBefore } from './number-label';
import { askBackground } from './page-numbers';
import { isRendered } from './rendered';
import { Scanner } from './scanner';
import { answerSeenQuestions } from './seen';
import { PageWatcher } from './watch';

let settings: Settings = defaults;
let active = false;

const marks = new Marks(isRendered);
const hidden = new HiddenNumbers((root) => void scanner.scan(root));
const card = new CallCard(sendMessage, (reason) => {
  void sendMessage('cardTampered', { reason });
});
const countries = () => ({ defaultCountry: settings.defaultCountry });

/** Each mark's label, read once: the list is reported again whenever any mark changes. */
const labels = new WeakMap<Mark, string | undefined>();
function labelOf(mark: Mark): string | undefined {
  if (!labels.has(mark)) labels.set(mark, labelBefore(mark.range));
  return labels.get(mark);
}

/**
 * Tell the background which numbers this frame shows (toolbar badge, the popup's "On this
 * page"), when they change.
 */
let reported = '0:0';
function reportCount(): void {
  const count = active ? marks.size : 0;
  const now = `${count}:${marks.version}`;
  if (now === reported) return;
  reported = now;
  const numbers: PageEntry[] = active
    ? marks.list(PAGE_LIST_MAX).map((mark) => {
        const label = labelOf(mark);
        return {
          key: mark.key,
          e164: mark.e164,
          link: mark.inLink,
          ...(mark.ext ? { ext: mark.ext } : {}),
          ...(label ? { label } : {}),
        };
      })
    : [];
  void sendMessage('reportCount', { count, numbers });
}

const scanner = new Scanner({
  marks,
  walk: () => ({ markInCode: settings.markInCode, ignore: card.element }),
  ask: askBackground(sendMessage, countries),
  pageRegions: pageRegions({ hostname: location.hostname, lang: document.documentElement.lang }),
  countries,
  onHidden: (node) => hidden.add(node),
  onShadowRoot: (root) => watcher.observe(root),
  onChange: reportCount,
});

const watcher = new PageWatcher({
  rescan: (roots) => {
    for (const root of roots) void scanner.scan(root);
  },
  prune: () => {
    marks.prune();
    reportCount();
  },
  ignore: () => card.element,
});

answerSeenQuestions(isRendered);

const clicks = listenForClicks({
  marks,
  card,
  enabled: () => active,
  handleTelLinks: () => active && settings.handleTelLinks,
  read: (input) => sendMessage('readNumber', { input, defaultCountry: settings.defaultCountry }),
});

// The popup's "On this page": scroll to a number and open its card, Call focused.
browser.runtime.onMessage.addListener((message: unknown) => {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, key } = message as { type?: unknown; key?: unknown };
  if (type !== SHOW_NUMBER || typeof key !== 'number') return undefined;
  const mark = active ? marks.byKey(key) : null;
  if (!mark || mark.range.collapsed) return Promise.resolve(false);
  const node = mark.range.startContainer;
  (node.nodeType === 1 ? (node as Element) : node.parentElement)?.scrollIntoView({
    block: 'center',
    inline: 'nearest',
  });
  void clicks.openMark(mark);
  return Promise.resolve(true);
});

function start(): void {
  if (active) return;
  active = true;
  watcher.observe(document);
  void scanner.scan(document.body ?? document.documentElement);
}

function stop(): void {
  active = false;
  watcher.disconnect();
  scanner.stop();
  hidden.clear();
  marks.clear();
  reportCount();
  card.close();
}

function apply(next: Settings): void {
  const before = settings;
  settings = next;
  const wanted = !isSiteDisabled(settings, location.hostname);
  if (!wanted) {
    stop();
    return;
  }
  // A change in how numbers are read needs a fresh scan of everything.
  const rescan =
    active &&
    (before.defaultCountry !== next.defaultCountry || before.markInCode !== next.markInCode);
  if (rescan) stop();
  start();
}

// The user's settings and the organisation's policy (issue 13) both apply at once, no reload.
const reload = () => void loadEffective(browser.storage).then(({ settings }) => apply(settings));
browser.storage.onChanged.addListener((changes, area) => {
  if (affectsSettings(changes, area)) reload();
});

reload();
