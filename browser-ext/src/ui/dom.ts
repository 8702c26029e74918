// Small DOM helpers for the extension's pages. Text goes in through textContent only: server data and
// pasted requests are never parsed as HTML.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`page: element #${id} is missing`);
  return element as T;
}

type Child = Node | string | null | undefined | false;

/** An element with attributes and text/children; `text` and string children become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  // Chromium's session restore writes a tab's form state to disk (Sessions/, UTF-16): a pasted Bearer token was
  // found there by test/e2e-browser/secret-canary.test.ts. autocomplete=off keeps a field out of it; drafts are ours.
  if (tag === 'input' || tag === 'textarea') element.setAttribute('autocomplete', 'off');
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

export function setText(element: HTMLElement, text: string): void {
  element.textContent = text;
}

/** Pretty-prints a JSON body for display; other text is shown as it came. */
export function formatBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
