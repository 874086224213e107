// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageWatcher } from '../../../src/content/watch';

/** Every watcher a test started; each is disconnected after the test. */
const watchers: PageWatcher[] = [];

/** The scanner's side of the watcher: what it was asked to rescan, and how often it pruned. */
function watchPage(html: string, card: Element | null = null) {
  document.body.innerHTML = html;
  const rescans: Node[][] = [];
  let prunes = 0;
  const watcher = new PageWatcher({
    rescan: (roots) => rescans.push(roots),
    prune: () => prunes++,
    ignore: () => card,
  });
  watcher.observe(document);
  watchers.push(watcher);
  return { watcher, rescans, prunes: () => prunes };
}

const el = <T extends Element = HTMLElement>(selector: string) =>
  document.querySelector(selector) as T;

/** Lets the page's mutation records reach the watcher, then lets `ms` pass. */
async function later(ms: number) {
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  for (const watcher of watchers.splice(0)) watcher.disconnect();
  vi.useRealTimers();
});

describe('the page watcher', () => {
  it('rescans an added block 40 ms after the change, not before', async () => {
    const { rescans } = watchPage('<main></main>');
    const added = document.createElement('p');
    added.textContent = 'Call 973-555-1212';
    el('main').append(added);
    await later(39);
    expect(rescans).toEqual([]);
    await later(1);
    expect(rescans).toEqual([[added]]);
  });

  it('rescans a burst of edits once, each changed block once', async () => {
    const { rescans } = watchPage(
      '<p id="a">Call <b>973</b>-555-1212</p><p id="b">Fax 973-555-3434</p><p id="c">Hours</p>',
    );
    (el('#a b').firstChild as Text).data = '617';
    el('#a').append(' ext. 12');
    (el('#b').firstChild as Text).data = 'Fax 617-555-0100';
    await later(40);
    expect(rescans).toHaveLength(1);
    // A change inside inline markup rescans the whole block it reads as part of.
    expect(rescans[0]).toEqual([el('#a'), el('#b')]);
  });

  it('starts a new batch for changes after a rescan', async () => {
    const { rescans } = watchPage('<p id="a">Call</p><p id="b">Fax</p>');
    el('#a').append(' 973-555-1212');
    await later(40);
    el('#b').append(' 973-555-3434');
    await later(40);
    expect(rescans).toEqual([[el('#a')], [el('#b')]]);
  });

  it('prunes marks once when text is removed, with no rescan when nothing was added', async () => {
    const { rescans, prunes } = watchPage('<p id="a">Call 973-555-1212</p><p id="b">Fax</p>');
    el('#a').remove();
    el('#b').replaceChildren();
    await later(40);
    expect(prunes()).toBe(1);
    expect(rescans).toEqual([]);
    // A later batch that only adds text does not prune again.
    el('#b').append('973-555-3434');
    await later(40);
    expect(prunes()).toBe(1);
    expect(rescans).toEqual([[el('#b')]]);
  });

  it('prunes and rescans when a block is replaced', async () => {
    const { rescans, prunes } = watchPage('<p id="a">Call 973-555-1212</p>');
    el('#a').textContent = 'Call 617-555-0100';
    await later(40);
    expect(prunes()).toBe(1);
    expect(rescans).toEqual([[el('#a')]]);
  });

  it('ignores changes in our own call card', async () => {
    const card = document.createElement('net2phone-call-card');
    const { rescans, prunes } = watchPage('<p>Call 973-555-1212</p>', card);
    document.documentElement.append(card);
    card.append('Calling +1 973-555-1212');
    (card.firstChild as Text).data = 'Called +1 973-555-1212';
    await later(40);
    expect(rescans).toEqual([]);
    expect(prunes()).toBe(0);
    card.remove();
  });

  it('watches an open shadow root it is given', async () => {
    const { watcher, rescans } = watchPage('<div id="widget"></div>');
    const shadow = el('#widget').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Sales</p>';
    watcher.observe(shadow);
    const p = shadow.querySelector('p') as HTMLElement;
    p.append(' 617-555-0100');
    await later(40);
    expect(rescans).toEqual([[p]]);
  });

  it('stops after disconnect, dropping a batch that was waiting', async () => {
    const { watcher, rescans, prunes } = watchPage('<p id="a">Call</p>');
    el('#a').append(' 973-555-1212');
    el('#a').firstChild?.remove();
    await later(10);
    watcher.disconnect();
    el('#a').append(' ext. 12');
    await later(100);
    expect(rescans).toEqual([]);
    expect(prunes()).toBe(0);
  });
});
