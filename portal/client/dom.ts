/** A child of an element: text (always set as text, never parsed as HTML), an element, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/** Builds an element; attributes as given, children appended as text nodes or elements. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' || typeof child === 'number' ? String(child) : child);
  }
  return element;
}

/** A definition list from label/value pairs. */
export function facts(rows: ReadonlyArray<readonly [string, Child]>): HTMLElement {
  return h('dl', {}, ...rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? '—')]));
}

/** Money from the graph's Decimal (a string with two decimals), grouped, with its currency. */
export function money(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const [whole = '0', cents = '00'] = value.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  return `¥${sign}${whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** A moment from the graph's DateTime, in the reader's locale. */
export function moment(value: string | null | undefined): string {
  if (!value) return '—';
  return new Date(value).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** A button that calls `onClick` when pressed. */
export function button(label: string, onClick: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}
