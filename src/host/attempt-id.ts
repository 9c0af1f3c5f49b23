/** An id per open() attempt, to tell attempts apart. Not a secret, so Math.random is enough. */
export function attemptId(): string {
  return Math.random().toString(36).slice(2);
}
