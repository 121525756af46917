/** The page's elements by id (workbench/public/index.html); a missing one is a bug in the page, said at once. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the workbench page has no #${id}`);
  return found as T;
}

export const inputOf = (id: string) => byId<HTMLInputElement>(id);
export const selectOf = (id: string) => byId<HTMLSelectElement>(id);

/** An element with attributes and, optionally, text: always set as text, never parsed as HTML. */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A status line back to plain text. */
export function showStatus(id: string, text: string): void {
  byId(id).className = '';
  byId(id).textContent = text;
}

/** A status line that says what was refused, in the page's error style. */
export function showRefusal(id: string, text: string): void {
  byId(id).className = 'error';
  byId(id).textContent = text;
}
