/**
 * The token of an `Authorization: Bearer <token>` header (the scheme in any case), or undefined.
 * Callers check the token's own shape; this only bounds it, so nothing longer reaches a lookup.
 */
export function bearerToken(header: string | undefined): string | undefined {
  return /^Bearer\s+(\S{1,512})$/i.exec(header ?? '')?.[1];
}
