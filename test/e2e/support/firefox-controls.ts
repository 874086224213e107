import type { FirefoxPage } from './firefox';

/**
 * Controls on an extension page in Firefox, found as a person finds them: by their label or
 * their name. Each returns a CSS selector for FirefoxPage's real (trusted) input.
 */

/** The control labelled `text`. */
export async function byLabel(page: FirefoxPage, text: string): Promise<string> {
  const id = await page.evaluate<string | null>(`(() => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(text)});
    return label?.control?.id ?? null;
  })()`);
  if (!id) throw new Error(`no control labelled ${text}`);
  return `[id=${JSON.stringify(id)}]`;
}

/** The button named `name` (its aria-label, else its text), as a path from <html>. */
export async function buttonNamed(page: FirefoxPage, name: string): Promise<string> {
  const selector = await page.evaluate<string | null>(`(() => {
    const target = [...document.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent.trim()) === ${JSON.stringify(name)},
    );
    if (!target) return null;
    const path = [];
    for (let el = target; el && el !== document.documentElement; el = el.parentElement) {
      path.unshift(el.tagName.toLowerCase() + ':nth-child(' + ([...el.parentElement.children].indexOf(el) + 1) + ')');
    }
    return path.join(' > ');
  })()`);
  if (!selector) throw new Error(`no button named ${name}`);
  return selector;
}
