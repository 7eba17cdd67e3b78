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
