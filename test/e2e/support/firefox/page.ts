// One tab (a top-level browsing context) driven over BiDi: navigation,
// evaluation (in the tab or in one of its frames) and real (trusted) input.

import type { BidiConnection } from './bidi';
import { type RemoteValue, unwrapEvaluate } from './remote-value';

/** WebDriver key values for the keys the suites press. */
export const KEYS = {
  Escape: '\uE00C',
  Enter: '\uE007',
  Backspace: '\uE003',
  Tab: '\uE004',
  End: '\uE010',
};

interface TreeNode {
  context: string;
  url: string;
  children?: TreeNode[] | null;
}

export class Page {
  constructor(
    private readonly bidi: BidiConnection,
    readonly context: string,
  ) {}

  async goto(url: string): Promise<void> {
    await this.bidi
      .send('browsingContext.navigate', { context: this.context, url, wait: 'complete' })
      .catch((err: unknown) => {
        throw new Error(`goto(${url}): ${err instanceof Error ? err.message : String(err)}`, {
          cause: err,
        });
      });
  }

  async reload(): Promise<void> {
    await this.bidi.send('browsingContext.reload', { context: this.context, wait: 'complete' });
  }

  /** The tab's URL, as the browser reports it. */
  async url(): Promise<string> {
    const tree = await this.tree(0);
    return tree.url;
  }

  /** Evaluates `expression` (promises awaited) in this tab or in its frame `context`. */
  async evaluate<T>(expression: string, context = this.context): Promise<T> {
    const res = await this.bidi.send('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const shown = expression.length > 80 ? `${expression.slice(0, 77)}...` : expression;
    return unwrapEvaluate(res, `evaluate(${JSON.stringify(shown)})`) as T;
  }

  /**
   * Calls `fnSource(root, arg)` on the shadow root, open or closed, of the first element matching
   * `hostSelector` in this tab or its frame `context`; null when none matches or it has no root.
   * BiDi serializes closed shadow roots when asked to (`includeShadowTree: 'all'`), and the root's
   * shared id can then be passed back as `this`.
   */
  async inShadowRoot<T>(
    hostSelector: string,
    fnSource: string,
    argJson: string,
    context = this.context,
  ): Promise<T | null> {
    const found = await this.bidi.send('script.evaluate', {
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'none',
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 1 },
    });
    if (found.type === 'exception') unwrapEvaluate(found, `querySelector(${hostSelector})`);
    const host = found.result as RemoteValue | undefined;
    if (host?.type !== 'node') return null;
    const shadow = (host.value as { shadowRoot?: RemoteValue | null } | undefined)?.shadowRoot;
    if (!shadow?.sharedId) return null;
    const res = await this.bidi.send('script.callFunction', {
      functionDeclaration: `function () { return (${fnSource})(this, ${argJson}); }`,
      this: { sharedId: shadow.sharedId },
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    return unwrapEvaluate(res, `in the shadow root of ${hostSelector}`) as T;
  }

  /** The browsing contexts of the frames in this tab, with their URLs (any depth). */
  async frames(): Promise<{ context: string; url: string }[]> {
    const out: { context: string; url: string }[] = [];
    const walk = (node: TreeNode) => {
      for (const child of node.children ?? []) {
        out.push({ context: child.context, url: child.url });
        walk(child);
      }
    };
    walk(await this.tree(null));
    return out;
  }

  /**
   * A real mouse click (trusted events) at viewport coordinates, CSS pixels, of this tab or of
   * its frame `context` (Firefox dispatches input to the context given, and does not route a
   * click on the top document into a cross-site, out-of-process frame).
   */
  async clickAt(x: number, y: number, context = this.context): Promise<void> {
    await this.perform(context, {
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
        { type: 'pointerDown', button: 0 },
        { type: 'pointerUp', button: 0 },
      ],
    });
  }

  /** A double click: two clicks at (x, y), `gapMs` apart, in one input sequence. */
  async doubleClickAt(x: number, y: number, gapMs: number): Promise<void> {
    const click = [
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ];
    await this.perform(this.context, {
      type: 'pointer',
      id: 'mouse',
      parameters: { pointerType: 'mouse' },
      actions: [
        { type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' },
        ...click,
        { type: 'pause', duration: gapMs },
        ...click,
      ],
    });
  }

  /** Real key presses and releases of WebDriver key values (characters, or KEYS). */
  async keys(values: string[]): Promise<void> {
    if (values.length === 0) return;
    await this.perform(this.context, {
      type: 'key',
      id: 'keyboard',
      actions: values.flatMap((value) => [
        { type: 'keyDown', value },
        { type: 'keyUp', value },
      ]),
    });
  }

  async close(): Promise<void> {
    await this.bidi.send('browsingContext.close', { context: this.context });
  }

  private async perform(context: string, source: object): Promise<void> {
    await this.bidi.send('browsingContext.activate', { context: this.context });
    await this.bidi.send('input.performActions', { context, actions: [source] });
    // A click may close its own window (Cancel in the confirmation window): nothing to release.
    await this.bidi.send('input.releaseActions', { context }).catch((error: unknown) => {
      if (!String(error).includes('no such frame')) throw error;
    });
  }

  private async tree(maxDepth: number | null): Promise<TreeNode> {
    const res = await this.bidi.send('browsingContext.getTree', {
      root: this.context,
      ...(maxDepth === null ? {} : { maxDepth }),
    });
    const [node] = res.contexts as TreeNode[];
    if (!node) throw new Error(`no browsing context ${this.context}`);
    return node;
  }
}
