import type { Point, Tab } from '../driver';
import { type Action, describe, onControl, type Query } from './controls';

const TIMEOUT_MS = 10_000;

/**
 * An extension page (popup, options) driven by its labels and roles, with real clicks and real
 * typing, in either browser. Every read waits for its control: no fixed sleeps.
 */
export class ExtensionPage {
  constructor(readonly tab: Tab) {}

  /** Waits for the control and runs `action` on it. */
  protected async on<R>(query: Query, action: Action, timeoutMs = TIMEOUT_MS): Promise<R> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await onControl<R>(this.tab.world, query, action).catch(() => null);
      if (result !== null) return result;
      if (Date.now() > deadline) throw new Error(`${describe(query)} did not appear`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Resolves once the control is shown. */
  async waitFor(query: Query, timeoutMs = TIMEOUT_MS): Promise<void> {
    await this.on(query, { do: 'text' }, timeoutMs);
  }

  /** Whether the control is shown right now. */
  async has(query: Query): Promise<boolean> {
    return (await onControl(this.tab.world, query, { do: 'text' })) !== null;
  }

  /** A real click on the control. */
  async click(query: Query): Promise<void> {
    // Where it is once the layout stopped moving (a page re-rendering as you type shifts it).
    let point = await this.on<Point>(query, { do: 'point' });
    for (let i = 0; i < 20; i++) {
      await this.tab.world(() => new Promise((r) => requestAnimationFrame(() => r(null))), null);
      const again = await this.on<Point>(query, { do: 'point' });
      if (again.x === point.x && again.y === point.y) break;
      point = again;
    }
    await this.tab.clickAt(point);
  }

  /** Focuses the field, clears it with a real Backspace and types `value`; returns what it shows. */
  async fill(query: Query, value: string): Promise<string> {
    const hadText = await this.on<boolean>(query, { do: 'focus' });
    if (hadText) await this.tab.press('Backspace');
    await this.tab.type(value);
    return this.value(query);
  }

  value(query: Query): Promise<string> {
    return this.on<string>(query, { do: 'value' });
  }

  checked(query: Query): Promise<boolean> {
    return this.on<boolean>(query, { do: 'checked' });
  }

  text(query: Query): Promise<string> {
    return this.on<string>(query, { do: 'text' });
  }

  /** The texts of every matching control (none: []). */
  async texts(query: Query): Promise<string[]> {
    return (await onControl<string[]>(this.tab.world, query, { do: 'texts' })) ?? [];
  }

  /** Chooses the option labelled `option` in the select. */
  async select(query: Query, option: string): Promise<void> {
    await this.on(query, { do: 'select', option });
  }

  /** The first status or alert whose text matches, once shown. */
  async message(kind: 'status' | 'alert', matching: string | RegExp, within?: Query) {
    const deadline = Date.now() + TIMEOUT_MS;
    let seen: string[] = [];
    for (;;) {
      seen = await this.texts({ role: kind, ...(within ? { within } : {}) });
      const hit = seen.find((t) =>
        typeof matching === 'string' ? t.includes(matching) : matching.test(t),
      );
      if (hit !== undefined) return hit;
      if (Date.now() > deadline) {
        throw new Error(`no ${kind} matching ${matching} (shown: ${JSON.stringify(seen)})`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** The page's visible text. */
  bodyText(): Promise<string> {
    return this.tab.world(() => document.body.textContent ?? '', null);
  }

  /** Runs `fn` with the extension API (`browser` in Firefox, `chrome` in Chromium) on this page. */
  withApi<R, A>(fn: (api: ExtensionApi, arg: A) => R, arg: A): Promise<Awaited<R>> {
    // Extension pages forbid eval, so the call is composed here, as source, not in the page.
    const call = new Function(
      'arg',
      `const g = globalThis; return (${fn.toString()})(g.browser ?? g.chrome, arg);`,
    ) as (arg: A) => R;
    return this.tab.world(call, arg);
  }

  /** The extension's stored settings (storage.local), read from this extension page. */
  storedSettings(): Promise<Record<string, unknown>> {
    return this.withApi(async (api) => {
      const { settings } = await api.storage.local.get('settings');
      return (settings ?? {}) as Record<string, unknown>;
    }, null);
  }

  close() {
    return this.tab.close();
  }
}

/** The slice of the extension API the suites use from extension pages (same in both browsers). */
export interface ExtensionApi {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
  alarms: {
    get(name: string): Promise<{ name: string; scheduledTime: number } | undefined>;
    create(name: string, info: { when: number }): Promise<void>;
  };
}
