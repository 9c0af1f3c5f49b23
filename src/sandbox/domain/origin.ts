const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The origin an `origin_url` names, or an explanation of why it is not acceptable:
 * https anywhere, http only on localhost / 127.0.0.1; no credentials, path, query or hash.
 */
export function parseOriginUrl(value: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: "'origin_url' must be an absolute URL such as https://yourapp.com" };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: "'origin_url' must use https (or http on localhost / 127.0.0.1)" };
  }
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { error: "'origin_url' must use https; http is allowed only for localhost and 127.0.0.1" };
  }
  if (url.username || url.password) return { error: "'origin_url' must not contain credentials" };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { error: "'origin_url' must be an origin (scheme, host and port) without a path, query or hash" };
  }
  return { origin: url.origin };
}
