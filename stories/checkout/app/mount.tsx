import { Component as PreactComponent } from 'preact';
import { Component, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { NotFramed } from '../../../src/checkout/steps/end/NotFramed';
import { catalogNow, type Locale, LocaleContext, loadCatalog, StringsContext } from '../../../src/checkout/strings';
import type { CheckoutPreviewProps } from '../harness/CheckoutPreview';
import { CheckoutApp } from './CheckoutApp';

// Every checkout story fails here if this folder stops getting preact/compat for `react`.
if (Component !== PreactComponent) {
  throw new Error('stories/checkout/app must render with preact/compat, as the app build does: see .storybook/preact-for-checkout.ts');
}

/**
 * Renders what `draw` makes in the locale and its catalog, as the app does: through LocaleContext
 * (money, numbers and country names) and StringsContext.
 * Until a catalog not yet loaded arrives the root keeps what it shows (nothing, at first), so a
 * switch of locale never remounts the app; only the last request draws.
 */
function localizedRoot(element: HTMLElement) {
  const root: Root = createRoot(element);
  let latest: object | null = null;
  function render(locale: Locale, draw: () => ReactNode): void {
    const request = {};
    latest = request;
    const catalog = catalogNow(locale);
    if (catalog) {
      root.render(
        <LocaleContext.Provider value={locale}>
          <StringsContext.Provider value={catalog}>{draw()}</StringsContext.Provider>
        </LocaleContext.Provider>,
      );
      return;
    }
    void loadCatalog(locale).then(() => {
      if (latest === request) render(locale, draw);
    });
  }
  return {
    render,
    unmount() {
      latest = null;
      root.unmount();
    },
  };
}

/** Mounts the checkout app in `element` as src/checkout/main.tsx does: a preact/compat root. */
export function mountCheckoutApp(element: HTMLElement) {
  const root = localizedRoot(element);
  return {
    render: ({ locale, ...props }: CheckoutPreviewProps & { locale: Locale }) => root.render(locale, () => <CheckoutApp {...props} />),
    unmount: () => root.unmount(),
  };
}

/** The legacy page's refusal outside a frame, mounted as src/checkout/main.tsx renders it. */
export function mountNotFramed(element: HTMLElement) {
  const root = localizedRoot(element);
  return {
    render: (locale: Locale) => root.render(locale, () => <NotFramed />),
    unmount: () => root.unmount(),
  };
}
