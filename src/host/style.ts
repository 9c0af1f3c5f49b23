/**
 * Styles go through CSSOM (element.style) only: no <style> element and no style attribute,
 * so a page whose Content-Security-Policy forbids 'unsafe-inline' styles still works.
 */
export function setStyle(element: HTMLElement, styles: Partial<CSSStyleDeclaration>): void {
  Object.assign(element.style, styles);
}
