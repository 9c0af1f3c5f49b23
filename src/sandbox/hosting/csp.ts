import { createHash } from 'node:crypto';

/**
 * The checkout page's Content-Security-Policy. `frameAncestors` is the session's origin on
 * the legacy path; on the modern (secret-free) path the page cannot know the session yet,
 * so it allows any http(s) page and the origin is enforced at `start` instead. `inlineScripts`
 * are the page's own inline scripts, allowed by their hashes (nothing else inline runs).
 */
export function checkoutCsp(frameAncestors: string, inlineScripts: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScripts.map(scriptHash), 'https://js.stripe.com'].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https://*.stripe.com",
    "font-src 'self' data:",
    "connect-src 'self' https://api.stripe.com",
    'frame-src https://js.stripe.com https://hooks.stripe.com',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** A CSP source for one inline script: `'sha256-<base64>'` of its exact text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The text of every `<script>` without a `src` in a page. */
export function inlineScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map((match) => match[1]!);
}

export const ANY_WEB_PAGE = 'http: https:';
export const NO_ANCESTOR = "'none'";
