import { Component as PreactComponent } from 'preact';
import { Component } from 'react';
import { createRoot } from 'react-dom/client';
import type { CheckoutPreviewProps } from '../harness/CheckoutPreview';
import { NotFramed } from '../../../src/checkout/steps/end/NotFramed';
import { CheckoutApp } from './CheckoutApp';

// Every checkout story fails here if this folder stops getting preact/compat for `react`.
if (Component !== PreactComponent) {
  throw new Error('stories/checkout/app must render with preact/compat, as the app build does: see .storybook/preact-for-checkout.ts');
}

/** Mounts the checkout app in `element` as src/checkout/main.tsx does: a preact/compat root. */
export function mountCheckoutApp(element: HTMLElement) {
  const root = createRoot(element);
  return {
    render: (props: CheckoutPreviewProps) => root.render(<CheckoutApp {...props} />),
    unmount: () => root.unmount(),
  };
}

/** The legacy page's refusal outside a frame, mounted as src/checkout/main.tsx renders it. */
export function mountNotFramed(element: HTMLElement) {
  const root = createRoot(element);
  root.render(<NotFramed />);
  return { unmount: () => root.unmount() };
}
