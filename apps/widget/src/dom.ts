type AttrValue = string | number | boolean | null | undefined;
export type Attrs = Record<string, AttrValue | ((event: Event) => void)>;
export type Child = Node | string | null | undefined | false;

/**
 * A tiny element factory: `on*` keys become listeners, `true` an empty attribute, `false`/null
 * nothing. Text always goes in as text nodes, never as HTML.
 */
export const h = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (typeof value === 'function') {
        el.addEventListener(name.slice(2).toLowerCase(), value);
      } else if (value === true) {
        el.setAttribute(name, '');
      } else if (value !== false && value !== null && value !== undefined) {
        el.setAttribute(name, String(value));
      }
    }
  }
  append(el, children);
  return el;
};

export const append = (parent: Node, children: readonly Child[]): void => {
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
  }
};

/** Replaces all children of `parent`. */
export const replaceChildren = (parent: Element, ...children: Child[]): void => {
  parent.replaceChildren();
  append(parent, children);
};

/** Sets or removes a boolean attribute. */
export const toggleAttr = (el: Element, name: string, on: boolean): void => {
  if (on) {
    el.setAttribute(name, '');
  } else {
    el.removeAttribute(name);
  }
};
