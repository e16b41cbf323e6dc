/// <reference lib="dom" />

/**
 * Applies `data-style` positions (of `scope` and everything in it) through the CSSOM, which
 * our pages' CSP allows where inline style attributes it does not. The preview and the
 * portfolio page both lay out bars this way.
 */
export function applyPositions(scope: Element): void {
  const elements = [scope, ...Array.from(scope.querySelectorAll('[data-style]'))].filter((e): e is HTMLElement => e instanceof HTMLElement && e.dataset.style !== undefined);
  for (const element of elements) {
    for (const declaration of (element.dataset.style ?? '').split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) element.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
    }
  }
}
