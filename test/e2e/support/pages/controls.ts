import type { Evaluate } from '../page-marks';

/**
 * Finding a control as a person (or testing-library) does: by its role and accessible name, or
 * by its label; visible ones only. Runs in the page, so it is the same in both browsers.
 */
export type Role =
  | 'button'
  | 'switch'
  | 'textbox'
  | 'combobox'
  | 'radio'
  | 'checkbox'
  | 'heading'
  | 'region'
  | 'listitem'
  | 'status'
  | 'alert';

export type Query =
  | { role: Role; name?: string; exact?: boolean; within?: Query }
  | { label: string; within?: Query };

/** What to do with the control found. */
export type Action =
  | { do: 'point' }
  | { do: 'focus' }
  | { do: 'value' }
  | { do: 'checked' }
  | { do: 'text' }
  | { do: 'texts' }
  | { do: 'select'; option: string };

/** Runs `action` on the first visible control matching `query`; null when there is none. */
export function onControl<R>(world: Evaluate, query: Query, action: Action): Promise<R | null> {
  return world(
    ({ query, action }: { query: Query; action: Action }) => {
      const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
      const nameOf = (el: Element) => {
        const aria = el.getAttribute('aria-label');
        if (aria) return aria.trim();
        const by = el.getAttribute('aria-labelledby');
        if (by)
          return by
            .split(/\s+/)
            .map((id) => text(document.getElementById(id)))
            .join(' ');
        const labels = (el as HTMLInputElement).labels;
        if (labels?.[0]) return text(labels[0]);
        return text(el);
      };
      const ROLES: Record<string, string> = {
        // A <summary> is the button of its <details> ("Advanced" in the sign-in form).
        button: 'button:not([role]), [role=button], input[type=submit], summary',
        switch: '[role=switch]',
        textbox:
          'input:not([type]), input[type=text], input[type=email], input[type=url], input[type=tel], input[type=search], textarea',
        combobox: 'select',
        radio: 'input[type=radio]',
        checkbox: 'input[type=checkbox]:not([role])',
        heading: 'h1, h2, h3, h4, h5, h6',
        region: 'section[aria-label], section[aria-labelledby], [role=region]',
        listitem: 'li',
        status: '[role=status]',
        alert: '[role=alert]',
      };
      // checkVisibility: Chromium lays out a closed <details>' content (content-visibility:
      // hidden), so it has boxes a person cannot see.
      const visible = (el: Element) =>
        el.getClientRects().length > 0 && (el.checkVisibility?.() ?? true);
      const all = (q: Query, root: ParentNode): Element[] => {
        const scope = q.within ? all(q.within, root)[0] : root;
        if (!scope) return [];
        if ('label' in q) {
          const fromLabels = [...scope.querySelectorAll('label')]
            .filter((l) => text(l) === q.label)
            .map((l) => l.control)
            .filter((c): c is HTMLElement => c !== null);
          const fromAria = [...scope.querySelectorAll('[aria-label]')].filter(
            (el) => el.getAttribute('aria-label') === q.label,
          );
          return [...fromLabels, ...fromAria].filter(visible);
        }
        return [...scope.querySelectorAll(ROLES[q.role] ?? q.role)].filter((el) => {
          if (!visible(el)) return false;
          if (q.name === undefined) return true;
          const name = nameOf(el);
          return q.exact === false ? name.includes(q.name) : name === q.name;
        });
      };
      const found = all(query, document);
      if (action.do === 'texts') return found.map(text);
      const el = found[0] as HTMLElement | undefined;
      if (!el) return null;
      const field = el as HTMLInputElement & HTMLSelectElement;
      switch (action.do) {
        case 'point': {
          el.scrollIntoView({ block: 'center', inline: 'center' });
          const rect = el.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        case 'focus':
          el.scrollIntoView({ block: 'center', inline: 'center' });
          el.focus();
          field.select?.();
          return String(field.value ?? '').length > 0;
        case 'value':
          return field.value;
        case 'checked':
          return field.checked ?? el.getAttribute('aria-checked') === 'true';
        case 'text':
          return text(el);
        case 'select': {
          // As playwright's selectOption does: pick the option, then tell the page.
          const option = [...field.options].find((o) => text(o) === action.option);
          if (!option) return null;
          field.value = option.value;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          field.dispatchEvent(new Event('change', { bubbles: true }));
          return field.value;
        }
      }
    },
    { query, action },
  ) as Promise<R | null>;
}

export function describe(query: Query): string {
  if ('label' in query) return `the control labelled “${query.label}”`;
  return `the ${query.role}${query.name === undefined ? '' : ` “${query.name}”`}`;
}
