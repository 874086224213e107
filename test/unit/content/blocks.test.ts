// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import {
  StaleWalk,
  type TextBlock,
  type WalkOptions,
  walkBlocks,
} from '../../../src/content/blocks';
import { digitRunSides, RunSides } from '../../../src/content/runs';
import { hasDigitRun, mayHoldNumber } from '../../../src/phone/gate';

/** Puts `html` in the page's body and returns the body. */
function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** Every block the walker reads under `root`, checkpoints left out. */
function blocks(root: Node, options: Partial<WalkOptions> = {}): TextBlock[] {
  const found: TextBlock[] = [];
  for (const step of walkBlocks(root, { markInCode: false, ...options })) {
    if (step) found.push(step);
  }
  return found;
}

/** The text of every block read under `root`: what the gate and the engine get to see. */
const texts = (root: Node, options: Partial<WalkOptions> = {}) =>
  blocks(root, options).map((b) => b.text);

const el = <T extends Element = HTMLElement>(selector: string) =>
  document.querySelector(selector) as T;

describe('a block of text is read the way a person sees it', () => {
  it('joins the text of inline children, so a number split by markup is one string', () => {
    expect(texts(page('<p>Call <b>(973)</b> 555-1212 today</p>'))).toEqual([
      'Call (973) 555-1212 today',
    ]);
  });

  it('joins inline children nested several levels deep, links included', () => {
    const body = page(
      '<p><a href="tel:+19735551212"><span>+1</span> <strong>973</strong></a>-555-<em>1212</em></p>',
    );
    expect(texts(body)).toEqual(['+1 973-555-1212']);
  });

  it('keeps each text node with its offset in the block, so a match maps back to the page', () => {
    const [block] = blocks(page('<p>Call <b>(973)</b> 555-1212</p>'));
    expect(block?.nodes.map((n) => n.data)).toEqual(['Call ', '(973)', ' 555-1212']);
    expect(block?.starts).toEqual([0, 5, 10]);
    for (const [i, node] of (block?.nodes ?? []).entries()) {
      const start = block?.starts[i] ?? -1;
      expect(block?.text.slice(start, start + node.data.length)).toBe(node.data);
    }
    // The nodes are the page's own text nodes, not copies.
    expect(block?.nodes[1]).toBe(el('b').firstChild);
  });

  it('reads separate blocks as separate strings, in document order', () => {
    const body = page(
      '<h2>Offices</h2><ul><li>Newark 973-555-1212</li><li>Boston 617-555-0100</li></ul>' +
        '<table><tr><td>Fax</td><td>973-555-3434</td></tr></table>',
    );
    expect(texts(body)).toEqual(['Newark 973-555-1212', 'Boston 617-555-0100', '973-555-3434']);
  });

  it('never glues text across a nested block or a line break', () => {
    const body = page(
      '<div>Room 973 555 <p>555-1212 is the desk</p> then 555 4412</div>' +
        '<p>Tel 973-555-1212<br>Fax 973-555-3434</p>',
    );
    expect(texts(body)).toEqual([
      'Room 973 555 ',
      '555-1212 is the desk',
      ' then 555 4412',
      'Tel 973-555-1212',
      'Fax 973-555-3434',
    ]);
  });

  it('leaves out text without a digit', () => {
    const body = page('<p>No numbers here</p><p>Call <b>us</b></p><p>Suite 12, 973-555-1212</p>');
    expect(texts(body)).toEqual(['Suite 12, 973-555-1212']);
  });

  it('leaves out digits in no digit run, which the gate never lets through', () => {
    // A year, a count, a citation mark split over elements, digits run into letters: fewer than
    // six digits with light separators, so the gate (mayHoldNumber) would refuse every one.
    const body = page(
      '<p>Founded in 1998 with 40 staff.<sup><a href="#c1"><span>[</span>12<span>]</span></a></sup></p>' +
        '<p>Order <b>A12</b>-<i>34</i>x</p>',
    );
    expect(texts(body)).toEqual([]);
  });

  it('relies on the gate refusing every text without a digit run, in every country', () => {
    // The walker reads no run around digits that are in no digit run (runs.ts, textAround).
    const short = [
      'Suite 12',
      'interno 12',
      'poste 45, bureau 3',
      'Durchwahl -12',
      'ramal 204',
      'доб. 12',
      '内線 12',
      '[12]',
      'Founded in 1998',
      'Tel: 12 34',
      'Tel. 0x.12',
      'Flight 1-80',
    ];
    for (const text of short) {
      expect(hasDigitRun(text)).toBe(false);
      for (const country of ['US', 'CA', 'GB', 'DE', 'FR', 'IT', 'ES', 'BR', 'MX', 'JP']) {
        expect(mayHoldNumber(text, [country])).toBe(false);
      }
    }
  });

  it('still reads digits that make a run only with their neighbours', () => {
    const body = page(
      '<p>Call <b>973</b>-<i>555</i>-1212 <a href="#c1">[12]</a></p>' +
        '<p>Order 1998 or <span>1-800-</span><span>FLOWERS</span></p>',
    );
    expect(texts(body)).toEqual(['Call 973-555-1212 [12]', 'Order 1998 or 1-800-FLOWERS']);
  });

  it('knows from a text alone on which sides its digits could join a neighbour', () => {
    const { None, Before, After, Own } = RunSides;
    const cases: [string, number][] = [
      ['973-555-1212', Own | Before | After],
      ['Call 973-555-1212 now', Own],
      ['[12]', None],
      ['Founded in 1998 with 40 staff.', None],
      // The stretch of run characters at the start is "R": only the end can join the next text.
      ['Retrieved 12 March 2019', After],
      ['Retrieved 12 March 2019.', After],
      ['Call 973', After],
      ['5-1212 ext', Before],
      ['(973) ', Before | After],
      ['  12  ', Before | After],
      // Capitals can be in a run (vanity numbers), lower case cannot.
      ['FLOWERS 1 and', Before],
      ['12 Main St', Before],
      ['Main St 12', After],
      // Digits of other scripts, and outside the BMP (two UTF-16 units each).
      ['هاتف ٠١٢', After],
      ['\u{1D7D7}\u{1D7D5}', Before | After],
      ['x \u{1D7D7}', After],
      ['\u{1D7D7} x', Before],
    ];
    for (const [text, sides] of cases) expect([text, digitRunSides(text)]).toEqual([text, sides]);
  });

  it('reads a number whose digits reach an edge through spaces and capitals', () => {
    const body = page(
      '<p>Ring <b>973</b> 555 <i>1212</i> today</p>' +
        '<p>Dial <span>1-800-</span>FLOWERS now</p>' +
        '<p>Call 97<b>3-555-12</b>12 or not</p>',
    );
    expect(texts(body)).toEqual([
      'Ring 973 555 1212 today',
      'Dial 1-800-FLOWERS now',
      'Call 973-555-1212 or not',
    ]);
  });

  it('joins digits across an element it never reads, though the texts around look like no run', () => {
    // Read in document order, "x" and "f()" end each side with no digit run; read as a person
    // sees it, the code and the script are stepped over and the digits run together.
    const body = page(
      '<p>Call 555-1<code>x</code>2345 now</p><p>Tel 617-5<script>f()</script>55-01 ok</p>',
    );
    expect(texts(body)).toEqual(['Call 555-12345 now', 'Tel 617-555-01 ok']);
    expect(texts(body, { markInCode: true })).toEqual(['Tel 617-555-01 ok']);
  });

  it('leaves out a run the gate refuses once the text around its digits shows it', () => {
    const us = (text: string) => mayHoldNumber(text, ['US']);
    const body = page(
      '<p>Smith, J. <i>A history</i>. Oxford, 2019. ISBN 978-0-19-953556-9. Retrieved 12 May.</p>' +
        '<p>Call <a href="tel:+19735551212">973-555-1212</a> today.</p>',
    );
    expect(texts(body)).toHaveLength(2);
    expect(texts(body, { gate: us })).toEqual(['Call 973-555-1212 today.']);
  });

  it('still reads every block the gate lets through when it walks with the gate', () => {
    // The gate decides with the page's countries; with them the walk reads less, never a block
    // the gate would have let through.
    const pages = [
      '<p>Smith, J. (2019). ISBN 978-0-19-953556-9. Phone: 973-555-1212.</p>',
      '<p><b>Tel</b><i>:</i> 1234 5678</p>',
      '<p>Hotline<span>:</span> <b>2345</b> 6789</p>',
      '<p>Ref 2024-11-27 and order 12345678, or call +<b>44 20 7031 3000</b>.</p>',
      '<p>Call 973-555-12<b>12</b> now, or 1-800-<i>FLOWERS</i>.</p>',
      '<p>Born 1961, died 2019. <span style="display:block">Room 12</span>555-0100</p>',
      '<p>Fax <span>0</span><span>11 44 20 7031 3000</span> ext. 12</p>',
      '<ul><li>Account 105-87-00321</li><li>Office (973) 555-1212</li></ul>',
      '<p>p. 123456, T: 02 9876 5432; invoice X-2023-457812</p>',
      '<p>Ruf: 030 1234567 · Durchwahl 89</p>',
    ];
    for (const countries of [['US'], ['CA', 'US'], ['DE', 'US'], ['GB']]) {
      const gate = (text: string) => mayHoldNumber(text, countries);
      for (const html of pages) {
        const body = page(html);
        expect([countries, html, texts(body, { gate }).filter(gate)]).toEqual([
          countries,
          html,
          texts(body).filter(gate),
        ]);
      }
    }
  });

  it('reads digits of other scripts as digits', () => {
    expect(texts(page('<p>Other text</p><p>هاتف ٠١٢٣٤٥٦٧٨٩</p>'))).toEqual(['هاتف ٠١٢٣٤٥٦٧٨٩']);
  });

  it('reads text lying directly in the body', () => {
    expect(texts(page('Call 973-555-1212 <b>now</b>'))).toEqual(['Call 973-555-1212 now']);
  });

  it('reads a changed text node on its own when the rescan starts there', () => {
    const body = page('<p>Call <b>973-555-1212</b></p>');
    const text = el('b').firstChild as Text;
    expect(blocks(text)).toEqual([{ text: '973-555-1212', nodes: [text], starts: [0] }]);
    text.data = 'soon';
    expect(blocks(text)).toEqual([]);
    expect(texts(body)).toEqual([]);
  });
});

describe('what the page lays out apart is read apart', () => {
  // happy-dom computes `display` from style rules but does not blockify flex or grid items the
  // way a browser does (a span in a flex row computes as `display: block` there): these rows
  // give their items `display: block` outright. test/e2e/layout.test.ts has the real flex rows.
  const ROW_STYLE = '<style>.row > * { display: block }</style>';

  it('cuts a row of items apart, so a name and a note do not run into the number', () => {
    const body = page(
      `${ROW_STYLE}<div class="row"><span>Kwame Mensah</span><span>1-713-555-0164</span>` +
        '<span>Break until 14:30</span></div>',
    );
    expect(texts(body)).toEqual(['1-713-555-0164', 'Break until 14:30']);
  });

  it('cuts at list items and grid containers, and between digits across white space', () => {
    const body = page(
      '<p>Desk<a href="#" style="display: list-item">973-555-1212</a>' +
        '<b style="display: grid">Room 12</b></p>' +
        `${ROW_STYLE}<div class="row">\n  <span>Room 12</span>\n  <span>617-555-0100</span>\n</div>`,
    );
    expect(texts(body)).toEqual(['973-555-1212', 'Room 12', '\n  Room 12', '617-555-0100\n']);
  });

  it('cuts at an empty box between two digits, and where a box ends inside a line', () => {
    const body = page(
      '<p><span>Ext. 12</span><i style="display: block"></i><span>555-0100</span></p>' +
        '<p>Call<span style="display: block">973-555-1212</span>4 lines</p>',
    );
    expect(texts(body)).toEqual(['Ext. 12', '555-0100', '973-555-1212', '4 lines']);
  });

  it('still joins inline-level boxes: inline blocks, `display: contents`, hidden parts', () => {
    const body = page(
      '<p>Call <span style="display: inline-block">(973)</span> 555-<span style="display: contents">1212</span></p>' +
        '<p>Tel 617<span style="display: none">-</span>-555-0100</p>',
    );
    expect(texts(body)).toEqual(['Call (973) 555-1212', 'Tel 617--555-0100']);
  });

  it('keeps the nodes and offsets of each piece, so a match maps back to the page', () => {
    const [block] = blocks(
      page(
        `${ROW_STYLE}<div class="row"><span>Name</span><span>+1 <b>713</b> 555-0164</span></div>`,
      ),
    );
    expect(block?.text).toBe('+1 713 555-0164');
    expect(block?.nodes.map((n) => n.data)).toEqual(['+1 ', '713', ' 555-0164']);
    expect(block?.starts).toEqual([0, 3, 6]);
  });

  it('leaves joins that read the same either way: a word, white space, then a number', () => {
    const body = page(
      `${ROW_STYLE}<div class="row">\n  <span>Fax</span>\n  <span>617-555-0100</span>\n</div>`,
    );
    expect(texts(body)).toEqual(['\n  Fax\n  617-555-0100\n']);
  });

  it('looks up styles only beside digits: none on a page without digits, none between words', () => {
    const lookups = vi.spyOn(window, 'getComputedStyle');
    try {
      page(
        `${ROW_STYLE}<div class="row"><span>Kwame Mensah</span><span>Support</span></div>` +
          '<p><a href="#">Home</a> <a href="#">Contact</a> <em>us</em></p>',
      );
      expect(texts(document.body)).toEqual([]);
      expect(lookups).not.toHaveBeenCalled();
      page(
        '<p><a href="#">Home</a> <a href="#">Contact</a> <em>us</em> at <b>Tel</b>973-555-1212</p>',
      );
      expect(texts(document.body)).toEqual(['Home Contact us at Tel973-555-1212']);
      expect(lookups.mock.calls.map(([el]) => el.tagName)).toEqual(['B']);
    } finally {
      lookups.mockRestore();
    }
  });
});

describe('what is never read', () => {
  it.each([
    ['script', '<script>var phone = "973-555-3434";</script>'],
    ['style', '<style>.x::after { content: "973-555-3434"; }</style>'],
    ['noscript', '<noscript>Call 973-555-3434</noscript>'],
    ['textarea', '<textarea>973-555-3434</textarea>'],
    ['select', '<select><option>973-555-3434</option></select>'],
    ['pre', '<pre>973-555-3434</pre>'],
    ['code', '<code>973-555-3434</code>'],
    ['kbd', '<kbd>973-555-3434</kbd>'],
    ['svg', '<svg><text>973-555-3434</text></svg>'],
  ])('%s, as a block of its own or inside a block that is read', (_tag, html) => {
    expect(texts(page(`<p>Call 973-555-1212</p>${html}`))).toEqual(['Call 973-555-1212']);
    expect(texts(page(`<p>Call 973-555-1212 ${html}</p>`))).toEqual(['Call 973-555-1212 ']);
  });

  it('reads code and preformatted text when the user asks for it', () => {
    const body = page('<pre>Support: 973-555-3434</pre><p>Run <code>dial 973-555-1212</code></p>');
    expect(texts(body, { markInCode: true })).toEqual([
      'Support: 973-555-3434',
      'Run dial 973-555-1212',
    ]);
  });

  it.each([
    '<div contenteditable>Draft: 973-555-3434</div>',
    '<div contenteditable="true">Draft: 973-555-3434</div>',
    '<div contenteditable="plaintext-only">Draft: 973-555-3434</div>',
    '<div contenteditable="TRUE"><p>Draft: <b>973-555-3434</b></p></div>',
  ])('text the user is editing: %s', (html) => {
    expect(texts(page(`<p>Call 973-555-1212</p>${html}`))).toEqual(['Call 973-555-1212']);
  });

  it('reads an area that is explicitly not editable', () => {
    const body = page('<div contenteditable="false">Call 973-555-1212</div>');
    expect(texts(body)).toEqual(['Call 973-555-1212']);
  });

  it('reads nothing in a document in design mode (the whole page is an editor)', () => {
    // happy-dom has no designMode of its own; a browser reports 'on' the same way.
    const body = page('<p>Call 973-555-1212</p>');
    Object.assign(document, { designMode: 'on' });
    try {
      expect(texts(body)).toEqual([]);
    } finally {
      Object.assign(document, { designMode: 'off' });
    }
  });

  it('reads nothing when a rescan starts inside something never read', () => {
    page(
      '<pre>973-555-3434</pre>' +
        '<div contenteditable="true"><p>Typed: <b>973-555-3434</b></p></div>' +
        '<textarea>973-555-3434</textarea>',
    );
    expect(blocks(el('pre').firstChild as Text)).toEqual([]);
    expect(blocks(el('div p'))).toEqual([]);
    expect(blocks(el('div b').firstChild as Text)).toEqual([]);
    expect(blocks(el('textarea'))).toEqual([]);
  });

  it('never reads our own call card, from the page or from inside it', () => {
    page('<p>Call 973-555-1212</p>');
    const card = document.createElement('net2phone-call-card');
    card.append('Call 973-555-3434?');
    const shadow = card.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>+1 973-555-3434</p>';
    document.documentElement.append(card);
    try {
      const roots: ShadowRoot[] = [];
      const options = { ignore: card, onShadowRoot: (r: ShadowRoot) => roots.push(r) };
      expect(texts(document.documentElement, options)).toEqual(['Call 973-555-1212']);
      expect(texts(card, options)).toEqual([]);
      expect(texts(shadow.querySelector('p') as Element, options)).toEqual([]);
      expect(roots).toEqual([]);
    } finally {
      card.remove();
    }
  });
});

describe('shadow roots', () => {
  it('reports an open shadow root to be read as its own tree, not as part of the page', () => {
    const body = page('<p>Call 973-555-1212</p><div id="widget"></div>');
    const shadow = el('#widget').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Sales <b>617</b>-555-0100</p>';
    const roots: ShadowRoot[] = [];
    expect(texts(body, { onShadowRoot: (r) => roots.push(r) })).toEqual(['Call 973-555-1212']);
    expect(roots).toEqual([shadow]);
    expect(texts(shadow)).toEqual(['Sales 617-555-0100']);
  });

  it('reports the root of a shadow host that is itself the changed subtree', () => {
    page('<div id="widget"></div>');
    const shadow = el('#widget').attachShadow({ mode: 'open' });
    const roots: ShadowRoot[] = [];
    blocks(el('#widget'), { onShadowRoot: (r) => roots.push(r) });
    expect(roots).toEqual([shadow]);
  });

  it('cannot see into a closed shadow root', () => {
    const body = page('<div id="widget"></div>');
    el('#widget').attachShadow({ mode: 'closed' }).innerHTML = '<p>973-555-1212</p>';
    const roots: ShadowRoot[] = [];
    expect(texts(body, { onShadowRoot: (r) => roots.push(r) })).toEqual([]);
    expect(roots).toEqual([]);
  });

  it('leaves a shadow root inside an editor alone, and text changed inside it', () => {
    const body = page('<div contenteditable="true"><span id="widget"></span></div>');
    const shadow = el('#widget').attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>973-555-1212</p>';
    const roots: ShadowRoot[] = [];
    expect(texts(body, { onShadowRoot: (r) => roots.push(r) })).toEqual([]);
    expect(roots).toEqual([]);
    expect(blocks(shadow.querySelector('p') as Element)).toEqual([]);
  });
});

describe('a long walk pauses', () => {
  /** Steps `walk` to its first checkpoint; returns how many blocks it read on the way. */
  function toFirstPause(walk: Generator<TextBlock | null>): number {
    let read = 0;
    for (let step = walk.next(); step.value !== null; step = walk.next()) {
      if (step.done) throw new Error('the walk ended without a pause');
      read++;
    }
    return read;
  }

  const paragraphs = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => `<p>Line ${i % 2 ? 'x' : `973-555-${String(i).padStart(4, '0')}`}</p>`,
    ).join('');

  it('at checkpoints every few hundred nodes, and still reads every block', () => {
    const body = page(`<div id="list">${paragraphs(1_200)}</div>`);
    const steps = [...walkBlocks(body, { markInCode: false })];
    expect(steps.filter((s) => s === null).length).toBeGreaterThanOrEqual(2);
    expect(steps.filter((s) => s !== null)).toHaveLength(600);
  });

  it('while gathering one very large block too, which still comes out whole', () => {
    const spans = Array.from({ length: 1_200 }, (_, i) => `<span>${i % 10}</span>`).join('');
    const body = page(`<p>${spans}</p>`);
    const steps = [...walkBlocks(body, { markInCode: false })];
    const read = steps.filter((s) => s !== null);
    expect(read).toHaveLength(1);
    expect(read[0]?.nodes).toHaveLength(1_200);
    // The first digit sends the walk into the block: it pauses before the block is done.
    expect(steps.indexOf(null)).toBeLessThan(steps.indexOf(read[0] ?? null));
  });

  it('and gives up with StaleWalk when the page removed the place it paused at', () => {
    page(`<div id="list">${paragraphs(1_200)}</div>`);
    const list = el('#list');
    const walk = walkBlocks(list, { markInCode: false });
    toFirstPause(walk);
    list.replaceChildren();
    expect(() => walk.next()).toThrow(StaleWalk);
  });

  it('but carries on when the page changed somewhere it had already read', () => {
    page(`<div id="list">${paragraphs(1_200)}</div>`);
    const list = el('#list');
    const walk = walkBlocks(list, { markInCode: false });
    let read = toFirstPause(walk);
    list.firstElementChild?.remove();
    for (let step = walk.next(); !step.done; step = walk.next()) if (step.value) read++;
    expect(read).toBe(600);
  });
});
