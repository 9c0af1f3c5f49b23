import { STEP_TIMEOUT } from '../../e2e/support/merchant-log';

/**
 * One driver interface over three automation tools, so that a flow is written once and runs in
 * every engine: Playwright for Chromium, puppeteer-core over WebDriver BiDi for Firefox, and W3C
 * WebDriver (WebKitWebDriver) for WebKit.
 */
export type EngineName = 'chromium' | 'firefox' | 'webkit';

export const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit'];

/** What a step acts on: an input by its label's text, a button by its name, or a CSS selector. */
export type Target = { label: string } | { button: RegExp } | { css: string };

/** A target as it crosses into the page (a RegExp does not survive serialisation). */
export type SentTarget = { label: string } | { button: { source: string; flags: string } } | { css: string };

export function sendTarget(target: Target): SentTarget {
  return 'button' in target ? { button: { source: target.button.source, flags: target.button.flags } } : target;
}

export function describeTarget(target: Target): string {
  if ('label' in target) return `the field labelled "${target.label}"`;
  if ('button' in target) return `the button named ${target.button}`;
  return `"${target.css}"`;
}

/**
 * Runs in the page: the first visible element `target` names, or null. Self-contained (it is sent
 * as source). A label matches its text exactly (an aria-label too); a button matches its
 * aria-label or its text.
 */
export function locate(target: SentTarget): Element | null {
  const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  if ('css' in target) return [...document.querySelectorAll(target.css)].find(visible) ?? null;
  if ('label' in target) {
    for (const label of document.querySelectorAll('label')) {
      const control = label.control;
      if (control && text(label) === target.label && visible(control)) return control;
    }
    return [...document.querySelectorAll(`[aria-label="${CSS.escape(target.label)}"]`)].find(visible) ?? null;
  }
  const name = new RegExp(target.button.source, target.button.flags);
  const buttons = document.querySelectorAll('button, [role="button"], input[type="submit"]');
  return [...buttons].find((el) => visible(el) && name.test(el.getAttribute('aria-label') ?? text(el))) ?? null;
}

/** Runs in the page: selects a field's content, so that typing replaces it. */
export function selectContent(element: Element): void {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) element.select();
}

/** A special key, pressed on whatever has focus. */
export type Key = 'Escape' | 'Tab' | 'Enter' | 'Backspace';

/** A document the test acts in: the merchant page, or a frame reached from it. */
export interface Scope {
  /**
   * Runs `fn(arg)` in this document and resolves with its (JSON) result. `fn` is sent as source,
   * so it may use only its argument and the page's globals.
   */
  run<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Clicks what `target` names, as a pointer would (waits for it to appear). */
  click(target: Target): Promise<void>;
  /** Clicks what `target` names, then types `text` into it key by key, replacing what it held. */
  type(target: Target, text: string): Promise<void>;
}

export interface Driver {
  readonly engine: EngineName;
  /** e.g. "firefox 153.8.0esr (puppeteer-core over WebDriver BiDi)". */
  readonly description: string;
  /** The top-level document. */
  readonly page: Scope;
  /** The document of the frame reached through these iframe selectors, from the top. */
  frame(...path: string[]): Scope;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Presses `key` on whatever has focus now (in any frame). */
  press(key: Key): Promise<void>;
  /** Types `text` key by key into whatever has focus now (in any frame), clicking nothing. */
  keys(text: string): Promise<void>;
  /** A fresh browsing state (storage, cookies), on about:blank. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export { STEP_TIMEOUT };

/** Polls `check` until it returns a value other than undefined/false/null, or throws after `timeout`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | null | false>, timeout = STEP_TIMEOUT): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (last: ${last instanceof Error ? last.message : String(last)})`);
    }
    await new Promise((done) => setTimeout(done, 50));
  }
}
