/** Where the sandbox writes its terminal lines (request log, sandbox SMS codes). */
export type LogSink = (line: string) => void;

export const silentLog: LogSink = () => {};

/** Request paths as they may appear in a log: a session secret in the legacy embed URL is cut out. */
export function redactPath(path: string): string {
  if (path.startsWith('/embed/checkout/')) return '/embed/checkout/[redacted]';
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}
