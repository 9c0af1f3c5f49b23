/**
 * The checkout page's Content-Security-Policy. `frameAncestors` is the session's origin on
 * the legacy path; on the modern (secret-free) path the page cannot know the session yet,
 * so it allows any http(s) page and the origin is enforced at `start` instead.
 */
export function checkoutCsp(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' https://js.stripe.com",
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

export const ANY_WEB_PAGE = 'http: https:';
export const NO_ANCESTOR = "'none'";
