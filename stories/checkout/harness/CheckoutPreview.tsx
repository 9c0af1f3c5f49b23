import { useLayoutEffect, useRef } from 'react';
import type { FlowState } from '../../../src/checkout/flow/types';
import { mountCheckoutApp } from '../app/mount';
import type { FakeFlowApi } from './fake-api';
import { useStoryLocale } from './use-story-locale';

export interface CheckoutPreviewProps {
  /** Where the flow stands; without it the flow starts from the loading screen and calls `start`. */
  state?: FlowState;
  /** The flow API the screens talk to; a fake that answers like the sandbox by default. */
  api?: FakeFlowApi;
  /** The app draws its own backdrop (overlay) or sits in the page (inline). */
  embed?: 'overlay' | 'inline';
  /** A merchant's `appearance.accent`, applied as the app applies it (the theme stays the story's). */
  accent?: string;
}

/**
 * The checkout app in a story. Storybook renders stories with React; the app inside renders with
 * Preact, as customers get it: this component only holds the element the app is mounted in, and
 * hands it the story's locale.
 */
export function CheckoutPreview(props: CheckoutPreviewProps) {
  const locale = useStoryLocale();
  const element = useRef<HTMLDivElement>(null);
  const app = useRef<ReturnType<typeof mountCheckoutApp> | null>(null);
  useLayoutEffect(() => {
    const mounted = mountCheckoutApp(element.current!);
    app.current = mounted;
    return () => {
      app.current = null;
      mounted.unmount();
    };
  }, []);
  useLayoutEffect(() => app.current?.render({ ...props, locale }));
  return <div ref={element} />;
}
