// Builds DOM nodes from text. Everything shown in the sidebar (job IDs, AODocs messages, cell texts) is put in
// with textContent, so no text can ever become markup.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(key, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function button(
  label: string,
  onClick: () => void,
  kind: 'primary' | 'danger' | 'plain' = 'plain',
): HTMLButtonElement {
  const b = h('button', { type: 'button', class: `button ${kind}` }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** A screen's heading: the place focus goes when the screen shows (tabindex -1: focusable, not a Tab stop). */
export function screenHeading(text: string, props: Partial<Record<string, string>> = {}): HTMLHeadingElement {
  return h('h2', { class: 'screen-title', tabindex: '-1', ...props }, text);
}

/**
 * Shows a new screen in `root` and moves focus to its heading, so that a keyboard or screen reader user lands on
 * what changed. Focus is moved only when it was in `root` (the button that led here) or nowhere in a focused
 * document: a tab being chosen with the arrow keys keeps it. (The sidebar takes the focus once, when it opens:
 * sidebar.ts.)
 */
export function showScreen(root: HTMLElement, ...children: Child[]): void {
  const active = document.activeElement;
  const nowhere = (active === null || active === document.body) && document.hasFocus();
  const takeFocus = nowhere || (active !== null && root.contains(active));
  replaceChildren(root, ...children);
  if (takeFocus) root.querySelector<HTMLElement>('.screen-title[tabindex="-1"]')?.focus();
}
